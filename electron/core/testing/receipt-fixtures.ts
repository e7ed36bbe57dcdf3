import type { PaymentView } from '../../../shared/ipc';
import type { PaymentResponse } from '../../../shared/protocol';
import type { PaymentDetails, Settings } from '../ports';

/** Shared by the receipt tests: a store, an approved card payment and the processor's text. */

export const PROCESSOR_TEXT = [
  '      MODULUS DEMO ACQUIRER',
  'MERCHANT ID        000123456789',
  'CARD               **** **** **** 4242',
  'ENTRY              CONTACTLESS',
  'AID                A0000000031010',
  '',
  'TOTAL              USD 99.99',
  '      CARDHOLDER COPY',
].join('\r\n');

export function testSettings(overrides: Partial<Settings['printer']> = {}, extra: Partial<Settings> = {}): Settings {
  return {
    endpoint: 'ws://127.0.0.1:1/v1',
    groupId: 'G1',
    apiKey: '',
    apiSecret: '',
    storeName: 'Corner Grocer',
    storeAddress: '12 Market Street\nSpringfield',
    currency: 'USD',
    amountEntry: 'cash-register',
    printer: { kind: 'network', systemName: '', host: '127.0.0.1', port: 9100, paperWidthMm: 80, ...overrides },
    autoPrint: true,
    updatesEnabled: false,
    kiosk: false,
    registerCode: 'R1',
    startAtLogin: false,
    idleLockMinutes: 5,
    receiptCashierName: 'first',
    ...extra,
  };
}

export function approvedPayment(overrides: { view?: Partial<PaymentView>; response?: Partial<PaymentResponse> } = {}): PaymentDetails {
  const at = new Date(2024, 0, 15, 10, 37, 30).getTime();
  const transactionId = overrides.view?.transactionId ?? '0190f3c2-7a1b-7c3d-8e4f-123456789abc';
  return {
    view: {
      transactionId,
      orderRef: 'ORD-12345',
      terminalId: 'TERM-001',
      amountMinor: 9999,
      currency: 'USD',
      paymentMethod: 'CARD',
      state: 'approved',
      createdAt: at - 8000,
      updatedAt: at,
      pendingSeen: false,
      authorizationCode: 'AUTH123456',
      hasReceipt: true,
      ...overrides.view,
    },
    response: {
      transactionId,
      status: 'SUCCESS',
      amount: '99.99',
      currency: 'USD',
      paymentMethod: 'CARD',
      authorizationCode: 'AUTH123456',
      receiptData: PROCESSOR_TEXT,
      timestamp: new Date(at).toISOString(),
      metadata: { orderId: 'ORD-12345' },
      ...overrides.response,
    },
  };
}

/** Settings for a till on a live simulator that prints to a (fake) network printer on 127.0.0.1. */
export function liveSettings(
  sim: { url: string; apiKeys: { pos: string; posSecret: string } },
  printerPort: number,
  extra: Partial<Settings> = {},
): Partial<Settings> {
  return {
    endpoint: sim.url,
    apiKey: sim.apiKeys.pos,
    apiSecret: sim.apiKeys.posSecret,
    groupId: 'group-1',
    storeName: 'Corner Grocer',
    printer: { kind: 'network', systemName: '', host: '127.0.0.1', port: printerPort, paperWidthMm: 80 },
    ...extra,
  };
}
