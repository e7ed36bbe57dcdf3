import type { PaymentView } from '../../../shared/ipc';
import type { PaymentRecord } from './types';

/** The renderer never gets the raw gateway response (receipt text stays in main). */
export function toPaymentView(record: PaymentRecord): PaymentView {
  const { response: _response, ...view } = record;
  return view;
}
