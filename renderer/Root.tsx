import { useEffect, useState } from 'react';
import { App } from './App';
import { I18nRoot } from './i18n/I18nRoot';
import type { RendererBridge } from './bridge/types';
import { createPosStore } from './store/create-store';
import { PosProvider } from './store/context';
import { nextFrame, startSync } from './store/sync';

/** Creates the store, starts feeding it from the bridge and renders the app. */
export function Root({ bridge }: { bridge: RendererBridge }) {
  const [store] = useState(createPosStore);
  useEffect(() => startSync(bridge, store, { schedule: nextFrame, maxPerFlush: 100 }), [bridge, store]);
  return (
    <PosProvider bridge={bridge} store={store}>
      <I18nRoot>
        <App />
      </I18nRoot>
    </PosProvider>
  );
}
