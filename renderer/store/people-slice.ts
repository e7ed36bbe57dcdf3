import type { StateCreator } from 'zustand';
import type { PeopleView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/** People: who is signed in and who may sign in, as the core says (absent from an older host: roles off). */
export interface PeopleSlice {
  people: PeopleView;
  /** A manager's approval to change settings (from the PIN dialog), forgotten at sign-out. */
  settingsApproval: string | null;
  setSettingsApproval(token: string | null): void;
}

export const ROLES_OFF: PeopleView = { roles: 'off', people: [], session: null, needsFirstManager: false, idleLockMinutes: 0 };

export const createPeopleSlice: StateCreator<PosState, [], [], PeopleSlice> = (set) => ({
  people: ROLES_OFF,
  settingsApproval: null,
  setSettingsApproval: (settingsApproval) => set({ settingsApproval }),
});

export const peopleProjection: Projection<PeopleSlice> = {
  fromSnapshot: (snapshot) => ({ people: snapshot.people ?? ROLES_OFF }),
  onEvent: (state, event) => {
    if (event.type !== 'people') return undefined;
    const signedOut = state.people.session?.id !== event.people.session?.id;
    return { people: event.people, ...(signedOut ? { settingsApproval: null } : {}) };
  },
};

/** Roles on and nobody signed in (or the first manager still to be made): the sign-in screen shows. */
export function needsSignIn(people: PeopleView): boolean {
  return people.roles === 'on' && people.session === null;
}

/** Whether a manager's PIN must be asked for: roles on and the signed-in person is not a manager. */
export function needsManager(people: PeopleView): boolean {
  return people.roles === 'on' && people.session?.role !== 'manager';
}
