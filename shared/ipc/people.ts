import { z } from 'zod';

/**
 * Who is at the till (people): the people the sign-in screen lists, who is signed in, and whether
 * roles are on. PINs and their hashes never appear here; only the training people of demo mode
 * carry their (public, printed-on-screen) PIN.
 */
export const Role = z.enum(['cashier', 'manager']);
export type Role = z.infer<typeof Role>;

/** Who did something, as the journal, receipts and History name them. */
export const Who = z.object({ id: z.string(), name: z.string() });
export type Who = z.infer<typeof Who>;

export const PersonView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** Epoch ms a lockout after wrong PINs ends, while it lasts. */
  lockedUntil: z.number().optional(),
  /** Demo mode's training people: their PIN is shown on the sign-in screen. */
  trainingPin: z.string().optional(),
});
export type PersonView = z.infer<typeof PersonView>;

export const PeopleView = z.object({
  /** 'ask': an install from before roles existed, asked once whether to turn them on. */
  roles: z.enum(['on', 'off', 'ask']),
  people: z.array(PersonView),
  session: z.object({ id: z.string(), name: z.string(), role: Role }).nullable(),
  /** Roles are on and nobody can sign in yet: the first run creates a manager. */
  needsFirstManager: z.boolean(),
  /** Idle minutes before the till locks (0 = never). */
  idleLockMinutes: z.number().int().nonnegative(),
});
export type PeopleView = z.infer<typeof PeopleView>;

/** How receipts name the cashier: "Cashier: Carl Cashier", "Cashier: Carl", or not at all. */
export const RECEIPT_CASHIER_NAMES = ['full', 'first', 'none'] as const;
export type ReceiptCashierName = (typeof RECEIPT_CASHIER_NAMES)[number];

/** What a manager's PIN may approve; the core checks it for each of these commands. */
export const ApprovalAction = z.enum(['settings', 'resolvePayment', 'repeatPayment', 'people']);
export type ApprovalAction = z.infer<typeof ApprovalAction>;

const Pin = z.string().regex(/^\d{4,8}$/, 'A PIN has 4 to 8 digits.');
const PersonName = z.string().trim().min(1, 'Enter a name.').max(80, 'The name is too long (80 characters at most).');
/** An approval token from `approveManager`; absent when roles are off or a manager is signed in. */
const Approval = z.string().max(200).optional();

export const peopleCommands = {
  signIn: { request: z.object({ personId: z.string().min(1).max(200), pin: z.string().max(8) }).strict(), response: PeopleView },
  /** `idle`: the idle lock; refused while a payment is in progress or a void alert is open. */
  signOut: { request: z.object({ idle: z.boolean().optional() }).strict(), response: PeopleView },
  createFirstManager: { request: z.object({ name: PersonName, pin: Pin }).strict(), response: PeopleView },
  chooseRoles: { request: z.object({ on: z.boolean() }).strict(), response: PeopleView },
  approveManager: {
    request: z
      .object({ pin: z.string().max(8), managerId: z.string().max(200).optional(), action: ApprovalAction, subject: z.string().max(200).optional() })
      .strict(),
    response: z.object({ token: z.string(), approver: Who }),
  },
  savePerson: {
    request: z.object({ approval: Approval, id: z.string().max(200).optional(), name: PersonName, role: Role, pin: Pin.optional() }).strict(),
    response: PeopleView,
  },
  removePerson: { request: z.object({ approval: Approval, id: z.string().min(1).max(200) }).strict(), response: PeopleView },
  unlockPerson: { request: z.object({ approval: Approval, id: z.string().min(1).max(200) }).strict(), response: PeopleView },
} as const;
