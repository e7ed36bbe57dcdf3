import { act, cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { App } from '../App';
import { I18nRoot } from '../i18n/I18nRoot';
import { createPosStore, type PosStore } from '../store/create-store';
import { PosProvider } from '../store/context';
import { startSync } from '../store/sync';
import { FakeBridge } from './fake-bridge';

const stops: (() => void)[] = [];

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  for (const stop of stops.splice(0)) stop();
});

export interface Rendered {
  fake: FakeBridge;
  store: PosStore;
  stop(): void;
}

/** Renders the whole app against a fake bridge, synced from its snapshot. */
export async function renderApp(fake = new FakeBridge()): Promise<Rendered> {
  const store = createPosStore();
  let stop: () => void = () => undefined;
  await act(async () => {
    stop = startSync(fake.bridge, store, { retryMs: 10 });
  });
  render(
    <PosProvider bridge={fake.bridge} store={store}>
      <I18nRoot>
        <App />
      </I18nRoot>
    </PosProvider>,
  );
  stops.push(stop);
  return { fake, store, stop };
}
