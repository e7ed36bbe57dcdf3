import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RendererBridge } from '../bridge/types';
import type { PosStore } from './create-store';
import type { PosState } from './types';

interface PosContextValue {
  bridge: RendererBridge;
  store: PosStore;
}

const PosContext = createContext<PosContextValue | null>(null);

/** Gives every screen the bridge and the store; tests pass a fake bridge and a fresh store. */
export function PosProvider({ bridge, store, children }: PosContextValue & { children: ReactNode }) {
  return <PosContext.Provider value={{ bridge, store }}>{children}</PosContext.Provider>;
}

function usePosContext(): PosContextValue {
  const value = useContext(PosContext);
  if (!value) throw new Error('PosProvider is missing');
  return value;
}

/** Atomic selector on the store: select one value (or wrap an object selector in useShallow). */
export function usePos<T>(selector: (state: PosState) => T): T {
  return useStore(usePosContext().store, selector);
}

export function useBridge(): RendererBridge {
  return usePosContext().bridge;
}

export function usePosStoreApi(): PosStore {
  return usePosContext().store;
}
