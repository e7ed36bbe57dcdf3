import type { ConnectionView, PaymentView, ShiftReport, Snapshot, TerminalView, VoidAlert } from '../../shared/ipc';

/** Plain view-model values for tests; every field is what the main process would send. */
export const NOW = Date.now();

export function connection(patch: Partial<ConnectionView> = {}): ConnectionView {
  return { state: 'open', endpoint: 'wss://gw.example/v1', attempt: 0, since: NOW, reconnectsToday: 0, ...patch };
}

export function terminal(id: string, patch: Partial<TerminalView> = {}): TerminalView {
  return { id, label: `Till ${id}`, presence: 'online', payable: true, ...patch };
}

export function payment(transactionId: string, patch: Partial<PaymentView> = {}): PaymentView {
  return {
    transactionId,
    orderRef: `ORD-${transactionId}`,
    terminalId: 't1',
    amountMinor: 1234,
    currency: 'USD',
    paymentMethod: 'CARD',
    state: 'approved',
    createdAt: NOW,
    updatedAt: NOW,
    pendingSeen: false,
    hasReceipt: true,
    ...patch,
  };
}

export function voidAlert(id: string, patch: Partial<VoidAlert> = {}): VoidAlert {
  return {
    id,
    transactionId: `tx-${id}`,
    terminalId: 't1',
    orderRef: `ORD-${id}`,
    amountMinor: 2500,
    currency: 'USD',
    reason: 'Terminal returned after the grace period',
    at: NOW,
    ...patch,
  };
}

export function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 10,
    app: { version: '0.1.0', host: 'browser', demo: { enabled: false }, logDir: '/logs', journalDir: '/journal' },
    connection: connection(),
    terminals: [terminal('t1'), terminal('t2', { presence: 'offline', payable: false, notPayableReason: 'Terminal is offline' })],
    payments: [],
    alerts: [],
    orders: [],
    nextOrderRef: 'R1-0001',
    settings: {
      endpoint: 'wss://gw.example/v1',
      groupId: 'g1',
      apiKey: { set: true, hint: '•••• 1f3a' },
      apiSecret: { set: false },
      storeName: 'Corner Shop',
      storeAddress: '1 Main St',
      currency: 'USD',
      printer: { kind: 'none', systemName: '', host: '', port: 9100, paperWidthMm: 80 },
      autoPrint: false,
      updatesEnabled: true,
      lockedFields: [],
    },
    update: { phase: 'idle', blockedBy: [] },
    printJobs: [],
    ...patch,
  };
}

/** An X report of shift s1 on till R1 (opened an hour ago, €100.00 float, €5.50 cash taken); patch it into a Z. */
export function shiftReport(patch: Partial<ShiftReport> = {}): ShiftReport {
  const openedAt = NOW - 3600_000;
  return {
    kind: 'X',
    label: 'X report',
    shiftId: 's1',
    till: 'R1',
    openedAt,
    producedAt: NOW,
    approved: [],
    byMethod: [],
    byTerminal: [],
    byCashier: [],
    notTaken: [],
    voids: [],
    handSettled: [],
    unresolved: [],
    cash: [{ currency: 'EUR', floatMinor: 10_000, cashTakenMinor: 550, expectedMinor: 10_550 }],
    ...patch,
  };
}
