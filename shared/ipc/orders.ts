import { z } from 'zod';

/**
 * An order's standing, derived in ONE place in the core from all of today's attempts for its
 * reference (DESIGN.md money-safety rule 10, money-truth rules 3 and 4). Every screen, alert and
 * report reads this instead of guessing from a single payment.
 */
export const OrderStatus = z.enum(['not_paid', 'paid', 'paid_more_than_once']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** One approved attempt: enough to say "€24.50 at 12:03 on Lane 1". */
export const OrderApproval = z.object({
  transactionId: z.string(),
  terminalId: z.string(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string(),
  /** Epoch ms of the approval. */
  at: z.number(),
});
export type OrderApproval = z.infer<typeof OrderApproval>;

export const OrderView = z.object({
  orderRef: z.string(),
  status: OrderStatus,
  /** Today's approved attempts, oldest first. */
  approvals: z.array(OrderApproval),
});
export type OrderView = z.infer<typeof OrderView>;

/** The reference the next sale gets unless the cashier types one: register code + day counter. */
export const NextOrderRef = z.string().max(64);
