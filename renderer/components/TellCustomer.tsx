import { useT } from '../i18n/useT';

/** What the cashier says while the outcome is open: the customer must not pay twice (catalogue key). */
export const PLEASE_WAIT = 'common.tell.pleaseWait';

/** The line every waiting or uncertain screen has (till: one countdown); `words` is a catalogue key. */
export function TellCustomer({ words = PLEASE_WAIT }: { words?: string }) {
  const t = useT();
  return (
    <p className="tell">
      <strong>{t.t('common.tell.label')} </strong>
      {t.t(words)}
    </p>
  );
}
