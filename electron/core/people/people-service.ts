import type { ApprovalAction, CommandResult, PeopleView, PersonView, Role, Who } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import { ok, refuse } from '../commands/command-result';
import type { Msg } from '../../../shared/i18n/message';
import { DEFAULT_CORE_TUNING, type CoreTuning } from '../core-tuning';
import { loggedEmitter } from '../log/logged-emitter';
import type { Clock, Logger } from '../ports';
import { Approvals, refusalAnswer, refusedWith, type Authorized, type Refused } from './approvals';
import {
  addProvisioned,
  isExistingInstall,
  parsePeopleProvisioning,
  readPeopleFile,
  writePeopleFile,
  type PeopleFile,
  type PeopleProvisioning,
  type StoredPerson,
} from './people-file';
import { hashPin, verifyPin } from './pin-hash';
import { approvalRefusal, PinChecks } from './pin-checks';
import { TRAINING_PEOPLE } from './training';

export interface PeopleServiceDeps {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  provisioning: PeopleProvisioning;
  /** Demo mode runs: the training people can sign in. */
  demo: () => boolean;
  idleLockMinutes: () => number;
  /** A payment in progress or a void alert open: the idle lock waits. */
  busy: () => boolean;
  tuning?: Pick<CoreTuning, 'pinAttempts' | 'pinLockoutBaseMs' | 'pinLockoutCapMs' | 'settingsApprovalMs' | 'paymentApprovalMs'>;
}

/** The contract's port (contracts.md): what another service (shifts) calls to ask for a manager's PIN. */
export type ManagerApproval = (pin: string) => Promise<{ ok: true; approver: Who } | { ok: false; reason: string; reasonMsg: Msg }>;

type Person = StoredPerson | (PersonView & { trainingPin: string });
type Answer<T = PeopleView> = Promise<CommandResult<T>>;
const APPROVAL_LOCK = 'manager-approval';

/**
 * Who is at the till: the people (people.json), who is signed in, the PIN lockout and the manager's
 * approvals. PINs arrive in commands, are checked here and go nowhere else: not into a log line,
 * not into a view. The session lives here (the core), and the renderer sees it in `PeopleView`.
 */
export class PeopleService {
  private file: PeopleFile = { version: 1, people: [], provisioned: [] };
  private existingInstall = false;
  private provisionedRoles: boolean | undefined;
  private session: Person | null = null;
  private readonly pins: PinChecks;
  private readonly approvals: Approvals;
  private readonly changes;
  private saving: Promise<unknown> = Promise.resolve();
  readonly problems: string[] = [];

  constructor(private readonly deps: PeopleServiceDeps) {
    const t = deps.tuning ?? DEFAULT_CORE_TUNING;
    this.pins = new PinChecks(deps.clock, deps.logger, { attempts: t.pinAttempts, baseMs: t.pinLockoutBaseMs, capMs: t.pinLockoutCapMs });
    this.approvals = new Approvals(deps.clock, { settings: t.settingsApprovalMs, other: t.paymentApprovalMs });
    this.changes = loggedEmitter<PeopleView>(deps.logger, 'people.listener_failed');
  }

  async load(): Promise<void> {
    const saved = await readPeopleFile(this.deps.dataDir, this.problems);
    if (saved) this.file = saved;
    else this.existingInstall = await isExistingInstall(this.deps.dataDir);
    const provisioned = parsePeopleProvisioning(this.deps.provisioning, this.problems);
    this.provisionedRoles = provisioned.roles;
    const added = await addProvisioned(this.file, provisioned.people, this.deps.clock.now());
    if (added.length > 0) {
      await this.persist();
      this.deps.logger.info('audit.people_provisioned', { names: added });
    }
    for (const problem of this.problems) this.deps.logger.warn('people.problem', { problem });
  }

  roles(): PeopleView['roles'] {
    if (this.provisionedRoles !== undefined) return this.provisionedRoles ? 'on' : 'off';
    if (this.file.roles !== undefined) return this.file.roles ? 'on' : 'off';
    return this.existingInstall ? 'ask' : 'on';
  }

  view(): PeopleView {
    const on = this.roles() === 'on';
    const listed: Person[] = [...this.file.people, ...(this.deps.demo() ? TRAINING_PEOPLE : [])];
    return {
      roles: this.roles(),
      people: listed.map((p) => this.personView(p)),
      session: this.session ? { id: this.session.id, name: this.session.name, role: this.session.role } : null,
      needsFirstManager: on && this.file.people.length === 0 && !this.deps.demo(),
      idleLockMinutes: this.deps.idleLockMinutes(),
    };
  }

  onChange(listener: (view: PeopleView) => void): () => void {
    return this.changes.on(listener);
  }

  /** The signed-in person, as the journal and receipts name them. */
  current(): Who | undefined {
    return this.session ? { id: this.session.id, name: this.session.name } : undefined;
  }

  /** An audit line naming who is signed in (reprints, settings changes). */
  audit(event: string, fields: Record<string, unknown>): void {
    this.deps.logger.info(event, { ...fields, cashier: this.session?.name });
  }

  /** With roles on, only a signed-in person may take payments or settle them. */
  mayWork(): { ok: true } | Refused {
    if (this.roles() !== 'on' || this.session) return { ok: true };
    return refusedWith('services.people.sign_in_first');
  }

  async signIn(personId: string, pin: string): Answer {
    if (this.roles() !== 'on') return refuse('not_allowed', 'services.people.sign_in_off');
    const person = this.find(personId);
    if (!person) return refuse('not_found', 'services.people.not_found');
    const checked = await this.pins.check(person.id, person.name, () => pinMatches(person, pin));
    if (!checked.ok) {
      this.emit(); // a lockout shows on the sign-in screen
      return refuse('not_allowed', checked.msg.key, checked.msg.values);
    }
    this.approvals.clear();
    this.session = person;
    this.deps.logger.info('audit.signed_in', { personId: person.id, name: person.name, role: person.role });
    return this.changed();
  }

  signOut(idle: boolean): CommandResult<PeopleView> {
    if (idle && this.deps.busy()) return refuse('not_allowed', 'services.people.busy_no_lock');
    if (this.session) this.deps.logger.info('audit.signed_out', { personId: this.session.id, name: this.session.name, idle });
    this.session = null;
    this.approvals.clear();
    return ok(this.emit());
  }

  async createFirstManager(name: string, pin: string): Answer {
    if (this.roles() === 'off') return refuse('not_allowed', 'services.people.sign_in_off');
    if (this.file.people.length > 0) return refuse('not_allowed', 'services.people.already_has_people');
    const person = await this.newPerson(name, 'manager', pin);
    this.file = { ...this.file, roles: true, people: [person] };
    await this.persist();
    this.session = person;
    this.deps.logger.info('audit.person_saved', { personId: person.id, name, role: 'manager', first: true });
    return this.changed();
  }

  async chooseRoles(on: boolean): Answer {
    if (this.roles() !== 'ask') return refuse('not_allowed', 'services.people.roles_already_chosen');
    this.file = { ...this.file, roles: on };
    await this.persist();
    this.deps.logger.info('audit.roles_chosen', { on });
    return this.changed();
  }

  /** Checks a manager's PIN on the spot and hands out an approval token for one action. */
  async approve(req: {
    pin: string;
    action: ApprovalAction;
    subject?: string | undefined;
    managerId?: string | undefined;
  }): Answer<{ token: string; approver: Who }> {
    if (this.roles() !== 'on') return refuse('not_allowed', 'services.people.no_approval_needed');
    const checked = await this.verifyManager(req.pin, req.managerId);
    if (!checked.ok) return refuse('not_allowed', checked.reasonMsg.key, checked.reasonMsg.values);
    const token = this.approvals.grant(req.action, checked.approver, req.subject);
    this.recordApproval(req.action, req.subject, checked.approver);
    return ok({ token, approver: checked.approver });
  }

  /** The core's check before a command that needs a manager: roles off, a manager signed in, or a valid token. */
  authorize(action: ApprovalAction, token?: string, subject?: string): Authorized {
    if (this.roles() !== 'on') return { ok: true };
    if (this.session?.role === 'manager') return { ok: true, approver: this.current()! };
    return this.approvals.use(token, action, subject);
  }

  /** For services that ask for a manager's PIN themselves (shifts: a Z report with unresolved payments). */
  managerApproval(action = 'closeShift'): ManagerApproval {
    return async (pin) => {
      const checked = await this.verifyManager(pin, undefined);
      if (checked.ok) this.recordApproval(action, undefined, checked.approver);
      return checked;
    };
  }

  async savePerson(req: { approval?: string | undefined; id?: string | undefined; name: string; role: Role; pin?: string | undefined }): Answer {
    const allowed = this.authorize('people', req.approval);
    if (!allowed.ok) return refusalAnswer('not_allowed', allowed);
    const clash = this.byName(req.name);
    if (clash && clash.id !== req.id) return refuse('invalid_request', 'services.people.name_taken', { name: clash.name });
    const existing = req.id ? this.file.people.find((p) => p.id === req.id) : undefined;
    if (req.id && !existing) return refuse('not_found', 'services.people.not_found');
    if (existing?.role === 'manager' && req.role !== 'manager' && this.managers().length === 1) return refuse('not_allowed', 'services.people.last_manager');
    if (!existing && !req.pin) return refuse('invalid_request', 'services.people.pin_required');
    const saved: StoredPerson = existing
      ? { ...existing, name: req.name, role: req.role, ...(req.pin ? { pinHash: await hashPin(req.pin) } : {}) }
      : await this.newPerson(req.name, req.role, req.pin!);
    this.file = { ...this.file, people: existing ? this.file.people.map((p) => (p.id === saved.id ? saved : p)) : [...this.file.people, saved] };
    await this.persist();
    if (this.session?.id === saved.id) this.session = saved;
    this.deps.logger.info('audit.person_saved', { personId: saved.id, name: saved.name, role: saved.role, pinChanged: Boolean(req.pin), ...this.by(allowed) });
    return this.changed();
  }

  async removePerson(req: { approval?: string | undefined; id: string }): Answer {
    const allowed = this.authorize('people', req.approval);
    if (!allowed.ok) return refusalAnswer('not_allowed', allowed);
    const person = this.file.people.find((p) => p.id === req.id);
    if (!person) return refuse('not_found', 'services.people.not_found');
    if (this.session?.id === person.id) return refuse('not_allowed', 'services.people.cannot_remove_self');
    if (person.role === 'manager' && this.managers().length === 1) return refuse('not_allowed', 'services.people.last_manager');
    this.file = { ...this.file, people: this.file.people.filter((p) => p.id !== person.id) };
    await this.persist();
    this.deps.logger.info('audit.person_removed', { personId: person.id, name: person.name, ...this.by(allowed) });
    return this.changed();
  }

  async unlockPerson(req: { approval?: string | undefined; id: string }): Answer {
    const allowed = this.authorize('people', req.approval);
    if (!allowed.ok) return refusalAnswer('not_allowed', allowed);
    const person = this.find(req.id);
    if (!person) return refuse('not_found', 'services.people.not_found');
    this.pins.lift(person.id);
    this.deps.logger.info('audit.lockout_lifted', { personId: person.id, name: person.name, ...this.by(allowed) });
    return this.changed();
  }

  private async verifyManager(pin: string, managerId: string | undefined): ReturnType<ManagerApproval> {
    const candidates: Person[] = [...this.managers(), ...(this.deps.demo() ? TRAINING_PEOPLE.filter((p) => p.role === 'manager') : [])];
    let approver: Who | undefined;
    const checked = await this.pins.check(APPROVAL_LOCK, APPROVAL_LOCK, async () => {
      for (const manager of candidates.filter((m) => !managerId || m.id === managerId)) {
        if (await pinMatches(manager, pin)) approver = { id: manager.id, name: manager.name };
      }
      return approver !== undefined;
    });
    if (!checked.ok) return approvalRefusal(checked.msg);
    return { ok: true, approver: approver! };
  }

  private recordApproval(action: string, subject: string | undefined, approver: Who): void {
    this.deps.logger.info('audit.manager_approval', { action, subject, askedBy: this.session?.name, approvedBy: approver.name, approverId: approver.id });
  }

  private personView(p: Person): PersonView {
    const lockedUntil = this.pins.lockedUntil(p.id);
    return { id: p.id, name: p.name, role: p.role, ...(lockedUntil ? { lockedUntil } : {}), ...('trainingPin' in p ? { trainingPin: p.trainingPin } : {}) };
  }

  private async newPerson(name: string, role: Role, pin: string): Promise<StoredPerson> {
    return { id: uuidv7(this.deps.clock.now()), name, role, pinHash: await hashPin(pin), createdAt: this.deps.clock.now() };
  }

  private find(id: string): Person | undefined {
    return this.file.people.find((p) => p.id === id) ?? (this.deps.demo() ? TRAINING_PEOPLE.find((p) => p.id === id) : undefined);
  }

  private byName(name: string): StoredPerson | undefined {
    return this.file.people.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  }

  private managers(): StoredPerson[] {
    return this.file.people.filter((p) => p.role === 'manager');
  }

  private by(allowed: Authorized): { by?: string } {
    const who = (allowed.ok && allowed.approver) || this.current();
    return who ? { by: who.name } : {};
  }

  private persist(): Promise<void> {
    const contents = structuredClone(this.file);
    const run = this.saving.then(() => writePeopleFile(this.deps.dataDir, contents));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private changed(): Answer {
    return Promise.resolve(ok(this.emit()));
  }

  private emit(): PeopleView {
    const view = this.view();
    this.changes.emit(view);
    return view;
  }
}

function pinMatches(person: Person, pin: string): Promise<boolean> {
  // Training PINs are printed on the sign-in screen: nothing to protect, so no hash.
  return 'pinHash' in person ? verifyPin(pin, person.pinHash) : Promise.resolve(person.trainingPin === pin);
}
