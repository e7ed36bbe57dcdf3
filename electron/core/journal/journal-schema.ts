import { z } from 'zod';
import { PaymentView, VoidAlert } from '../../../shared/ipc';
import { PaymentResponse, summarizeIssues } from '../../../shared/protocol';

/**
 * The journal's own schema (money-truth rule 8): every record read back is checked against it, so
 * a JSON-valid but malformed line (a state that does not exist, an amount that is not a number)
 * can never replace a good record. The record is kept as written when it validates, so fields
 * a newer version added are not lost.
 */
const PaymentRecordSchema = PaymentView.extend({ response: PaymentResponse.optional() });

export const JournalRecordSchema = z.discriminatedUnion('t', [
  z.object({ v: z.literal(1), t: z.literal('payment'), at: z.number().finite(), payment: PaymentRecordSchema }),
  z.object({ v: z.literal(1), t: z.literal('alert'), at: z.number().finite(), alert: VoidAlert }),
]);

/** Undefined when the value is a valid journal record; otherwise what is wrong with it. */
export function journalRecordProblem(value: unknown): string | undefined {
  const parsed = JournalRecordSchema.safeParse(value);
  return parsed.success ? undefined : summarizeIssues(parsed.error).slice(0, 300);
}
