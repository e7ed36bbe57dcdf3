import type { PaymentView, Snapshot } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot, terminal } from '../../test/fixtures';

/** The language's catalogue is a lazy chunk: a test's first wait allows for a busy machine. */
export const LOADED = { timeout: 5000 };

/**
 * For the language tests of Settings, History and End of day: a till whose core says it runs in
 * `locale` (Snapshot.app.locale; undefined = an older host that says nothing), with these
 * payments on terminal t1 and its settings patched.
 */
export function localizedTill(
  locale: string | undefined,
  { payments = [], settings = {} }: { payments?: PaymentView[]; settings?: Partial<Snapshot['settings']> } = {},
): FakeBridge {
  const base = snapshot();
  return new FakeBridge(
    snapshot({ app: { ...base.app, ...(locale ? { locale } : {}) }, payments, terminals: [terminal('t1')], settings: { ...base.settings, ...settings } }),
  );
}
