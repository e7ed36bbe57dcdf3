import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PosProvider, useBridge, usePos, usePosStoreApi } from './context';
import { createPosStore } from './create-store';
import { FakeBridge } from '../test/fake-bridge';

/** A screen reads the store and bridge it was given; one rendered outside the provider says why it cannot. */
function StoreName() {
  const name = usePos((s) => s.settings?.storeName ?? 'no settings');
  const sameStore = usePosStoreApi().getState().settings?.storeName === name;
  return <p>{`${name} ${sameStore ? 'same store' : 'another store'} ${typeof useBridge().getSnapshot}`}</p>;
}

describe('PosProvider', () => {
  it('gives a screen the store and bridge it was given', () => {
    const fake = new FakeBridge();
    const store = createPosStore();
    store.getState().applySnapshot(fake.snapshot);
    render(
      <PosProvider bridge={fake.bridge} store={store}>
        <StoreName />
      </PosProvider>,
    );
    expect(screen.getByText('Corner Shop same store function')).toBeTruthy();
  });

  it('a screen outside the provider fails with a message naming what is missing', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => render(<StoreName />)).toThrow('PosProvider is missing');
    } finally {
      quiet.mockRestore();
    }
  });
});
