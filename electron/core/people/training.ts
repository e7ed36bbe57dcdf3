import type { PersonView } from '../../../shared/ipc';

/**
 * Demo mode's training people: their PINs are printed on the sign-in screen so a newcomer running
 * `npm start` is at a working till within seconds. They exist only while demo mode runs (no real
 * gateway), are never written to people.json, and a real gateway makes them disappear.
 */
export const TRAINING_PEOPLE: readonly (PersonView & { trainingPin: string })[] = [
  { id: 'training-cashier', name: 'Training cashier', role: 'cashier', trainingPin: '1111' },
  { id: 'training-manager', name: 'Training manager', role: 'manager', trainingPin: '9999' },
];
