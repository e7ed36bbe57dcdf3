import { z } from 'zod';

/**
 * What the core says, as a code: a catalogue key and its parameters (amount, terminal, order,
 * time). The core, the journal and the IPC contract carry these; the screens and the receipt
 * renderer turn them into words in the till's language. A `Msg` is data, never a sentence, so a
 * journal written in one language reads in another.
 */
export const MsgValue = z.union([z.string(), z.number()]);
export const Msg = z.object({
  key: z.string().min(1),
  values: z.record(z.string(), MsgValue).optional(),
});
export type Msg = z.infer<typeof Msg>;
export type MsgValues = Record<string, string | number>;

export function msg(key: string, values?: MsgValues): Msg {
  return values ? { key, values } : { key };
}
