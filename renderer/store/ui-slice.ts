import type { StateCreator } from 'zustand';
import type { PaymentMethod } from '../../shared/protocol/common';
import type { BasketLine } from '../../shared/basket';
import type { PosState } from './types';

export type Screen = 'checkout' | 'history' | 'endOfDay' | 'settings' | 'diagnostics';

/** What the cashier is typing; kept in the store so it survives a trip to another screen. */
export interface CheckoutDraft {
  terminalId: string;
  amountMinor: number;
  /** Why the typed amount cannot be read ("EUR amounts have at most 2 decimals…"); amountMinor is 0 then. */
  amountProblem?: string | undefined;
  paymentMethod: PaymentMethod;
  orderRef: string;
  /** basket: the sale's items; with any, amountMinor is their total. Absent or empty = an amount-only sale. */
  lines?: BasketLine[];
}

/** Renderer-only state: never sent anywhere, never fed by events. */
export interface UiSlice {
  screen: Screen;
  /** The payment the checkout screen follows (progress, then result). */
  activePaymentId: string | null;
  draft: CheckoutDraft;
  // A sale in five keys (till3).
  /** The terminal the cashier chose last in this window ('' = follow this till's terminal): re-selected when it is back online. */
  rememberedTerminalId: string;
  /** Digits typed outside the amount field (a digit on a result screen starts the next sale); `seq` tells repeats apart. */
  amountSeed: { text: string; seq: number } | null;
  seedAmount(text: string): void;
  setScreen(screen: Screen): void;
  setActivePayment(transactionId: string | null): void;
  updateDraft(patch: Partial<CheckoutDraft>): void;
  /** A stable function for the terminal cards (memoised: a new closure would re-render them all). */
  selectDraftTerminal(terminalId: string): void;
}

export const EMPTY_DRAFT: CheckoutDraft = { terminalId: '', amountMinor: 0, paymentMethod: 'CARD', orderRef: '' };

export const createUiSlice: StateCreator<PosState, [], [], UiSlice> = (set) => ({
  screen: 'checkout',
  activePaymentId: null,
  draft: EMPTY_DRAFT,
  rememberedTerminalId: '',
  amountSeed: null,
  seedAmount: (text) => set((state) => ({ amountSeed: { text, seq: (state.amountSeed?.seq ?? 0) + 1 } })),
  setScreen: (screen) => set({ screen }),
  setActivePayment: (activePaymentId) => set({ activePaymentId }),
  updateDraft: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),
  selectDraftTerminal: (terminalId) => set((state) => ({ draft: { ...state.draft, terminalId }, rememberedTerminalId: terminalId })),
});
