import { ok, refuse } from '../commands/command-result';
import type { CommandHandlers } from '../commands/command-router';
import type { SettingsService } from '../ports';
import type { PeopleService } from './people-service';

type PeopleCommandName = 'signIn' | 'signOut' | 'createFirstManager' | 'chooseRoles' | 'approveManager' | 'savePerson' | 'removePerson' | 'unlockPerson';

/** The people commands of shared/ipc/people.ts, answered by the people service. */
export function peopleHandlers(people: PeopleService): Pick<CommandHandlers, PeopleCommandName> {
  return {
    signIn: (req) => people.signIn(req.personId, req.pin),
    signOut: async (req) => people.signOut(req.idle ?? false),
    createFirstManager: (req) => people.createFirstManager(req.name, req.pin),
    chooseRoles: (req) => people.chooseRoles(req.on),
    approveManager: (req) => people.approve(req),
    savePerson: (req) => people.savePerson(req),
    removePerson: (req) => people.removePerson(req),
    unlockPerson: (req) => people.unlockPerson(req),
  };
}

/** Saving settings is the manager's (checked here, whatever the screen did); who changed them goes to the audit log. */
export function guardedSettingsSave(people: PeopleService, settings: SettingsService): CommandHandlers['saveSettings'] {
  return async ({ approval, ...input }) => {
    const allowed = people.authorize('settings', approval);
    if (!allowed.ok)
      return refuse('not_allowed', allowed.msg?.key === 'services.people.approval_expired' ? allowed.msg.key : 'services.settings.needs_manager');
    const result = await settings.save(input);
    if (result.saved) people.audit('audit.settings_changed', { approvedBy: allowed.approver?.name });
    return ok(result);
  };
}
