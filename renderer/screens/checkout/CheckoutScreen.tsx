import { usePos } from '../../store/context';
import { isWaiting, selectActivePaymentId, selectPayment } from '../../store/selectors';
import { PaymentResult } from '../results/PaymentResult';
import { CheckoutForm } from './CheckoutForm';
import { PaymentProgress } from './PaymentProgress';
import { useTillTerminal } from './useTillTerminal';

/**
 * The default screen: the form, then the payment in progress, then its result. The form stays
 * mounted (hidden) while a payment is followed: with hundreds of terminals, unmounting and
 * remounting its options around every payment blocked the page for hundreds of milliseconds,
 * delaying the result on screen. The payment comes first in the document, so it owns the
 * page's first heading.
 */
export function CheckoutScreen() {
  const activeId = usePos(selectActivePaymentId);
  const payment = usePos(selectPayment(activeId));
  useTillTerminal();
  return (
    <>
      {activeId && (!payment || isWaiting(payment) ? <PaymentProgress transactionId={activeId} payment={payment} /> : <PaymentResult payment={payment} />)}
      <div className="checkout-form-holder" hidden={activeId !== null}>
        <CheckoutForm />
      </div>
    </>
  );
}
