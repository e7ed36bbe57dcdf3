export * from './model';
export * from './orders';
export * from './events';
export * from './commands';
export * from './contract';
export * from './ws-bridge';
export * from './todays-payments';
export * from './people';
