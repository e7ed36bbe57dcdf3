export * from './common';
export * from './payment';
export * from './frames';
export * from './http';
export * from './signing';
