import { usePos } from '../../store/context';
import { isWaiting, selectActivePaymentId, selectPayment } from '../../store/selectors';
import { PaymentResult } from '../results/PaymentResult';
import { CheckoutForm } from './CheckoutForm';
import { PaymentProgress } from './PaymentProgress';

/** The default screen: the form, then the payment in progress, then its result. */
export function CheckoutScreen() {
  const activeId = usePos(selectActivePaymentId);
  const payment = usePos(selectPayment(activeId));
  if (!activeId) return <CheckoutForm />;
  if (!payment || isWaiting(payment)) return <PaymentProgress transactionId={activeId} payment={payment} />;
  return <PaymentResult payment={payment} />;
}
