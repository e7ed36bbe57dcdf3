import { access, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Role } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import { writeFileAtomic } from '../settings/atomic-write';
import { hashPin } from './pin-hash';

/**
 * people.json in the data directory: the roles choice and the people, each PIN only as its scrypt
 * hash (pin-hash.ts). Written atomically (temp, fsync, rename; mode 0600) like the settings file.
 */
export const PEOPLE_FILE = 'people.json';

export const StoredPerson = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: Role,
  pinHash: z.string().startsWith('scrypt$'),
  createdAt: z.number(),
});
export type StoredPerson = z.infer<typeof StoredPerson>;

const PeopleFileSchema = z.object({
  version: z.literal(1),
  /** Absent: never chosen (an install from before roles existed is asked once). */
  roles: z.boolean().optional(),
  people: z.array(StoredPerson),
  /** Names from the provisioning file already added once (a person removed in the app stays removed). */
  provisioned: z.array(z.string()).default([]),
});
export type PeopleFile = z.infer<typeof PeopleFileSchema>;

export async function readPeopleFile(dataDir: string, problems: string[]): Promise<PeopleFile | undefined> {
  const file = join(dataDir, PEOPLE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`The people file could not be read (${(error as Error).message}).`);
    return undefined;
  }
  const parsed = PeopleFileSchema.safeParse(safeJson(text));
  if (parsed.success) return parsed.data;
  // Kept for store IT; the till asks for a first manager again rather than letting anyone in.
  const aside = `${file}.broken-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  problems.push(`The people file was damaged and has been kept as ${aside}; create the manager again.`);
  return { version: 1, roles: true, people: [], provisioned: [] };
}

export function writePeopleFile(dataDir: string, contents: PeopleFile): Promise<void> {
  return writeFileAtomic(join(dataDir, PEOPLE_FILE), `${JSON.stringify(contents, null, 2)}\n`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The provisioning file's `people` (store IT): each with a `pinHash` made by
 * `npx tsx scripts/hash-pin.ts 1234`, or a first-run `pin` that is hashed when the till first
 * starts (remove it from the file afterwards). Added once, by name: a person a manager has since
 * changed or removed in the app is not brought back.
 */
export const ProvisionedPerson = z
  .object({
    name: z.string().trim().min(1).max(80),
    role: Role,
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'A PIN has 4 to 8 digits.')
      .optional(),
    pinHash: z.string().startsWith('scrypt$', 'A pinHash starts with "scrypt$" (scripts/hash-pin.ts makes one).').optional(),
  })
  .strict()
  .refine((p) => (p.pin === undefined) !== (p.pinHash === undefined), { message: 'Give each person either "pin" or "pinHash".' });
export type ProvisionedPerson = z.infer<typeof ProvisionedPerson>;

/** What store IT may say about people: the provisioning file's `roles` and `people`, and CHECKSTAND_ROLES. */
export interface PeopleProvisioning {
  roles?: unknown;
  people?: unknown;
  /** CHECKSTAND_ROLES (on/off), beats the file. */
  envRoles?: string;
  source?: string;
}

export function parsePeopleProvisioning(p: PeopleProvisioning, problems: string[]): { roles?: boolean; people: ProvisionedPerson[] } {
  const out: { roles?: boolean; people: ProvisionedPerson[] } = { people: [] };
  if (p.roles !== undefined) {
    if (typeof p.roles === 'boolean') out.roles = p.roles;
    else problems.push(`Provisioning file, "roles": must be true or false.`);
  }
  if (p.envRoles !== undefined && p.envRoles !== '') {
    const v = p.envRoles.trim().toLowerCase();
    if (['on', 'true', '1', 'yes'].includes(v)) out.roles = true;
    else if (['off', 'false', '0', 'no'].includes(v)) out.roles = false;
    else problems.push('CHECKSTAND_ROLES: must be on or off.');
  }
  if (p.people !== undefined) {
    const parsed = z.array(ProvisionedPerson).safeParse(p.people);
    if (parsed.success) out.people = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`Provisioning file, "people" (${issue.path.join('.')}): ${issue.message}`);
  }
  return out;
}

/** Adds the provisioned people not added before (by name); returns their names. */
export async function addProvisioned(file: PeopleFile, people: ProvisionedPerson[], now: number): Promise<string[]> {
  const known = (name: string) => file.provisioned.includes(name) || file.people.some((p) => p.name.toLowerCase() === name.toLowerCase());
  const fresh = people.filter((p) => !known(p.name));
  for (const p of fresh) {
    file.people.push({ id: uuidv7(now), name: p.name, role: p.role, pinHash: p.pinHash ?? (await hashPin(p.pin!)), createdAt: now });
  }
  file.provisioned.push(...fresh.map((p) => p.name));
  return fresh.map((p) => p.name);
}

/** No people.json but a settings.json: an install from before roles existed (asked once whether to turn them on). */
export function isExistingInstall(dataDir: string): Promise<boolean> {
  return access(join(dataDir, 'settings.json')).then(
    () => true,
    () => false,
  );
}
