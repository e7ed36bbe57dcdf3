/** What the cashier says while the outcome is open: the customer must not pay twice. */
export const PLEASE_WAIT = '"Please wait — don\'t pay again yet."';

/** The line every waiting or uncertain screen has (till: one countdown). */
export function TellCustomer({ words = PLEASE_WAIT }: { words?: string }) {
  return (
    <p className="tell">
      <strong>Tell the customer: </strong>
      {words}
    </p>
  );
}
