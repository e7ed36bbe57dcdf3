import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

describe('single instance', () => {
  it('a second launch quits itself', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(claimSingleInstance(app as never, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('the first instance focuses its window when another launch is attempted', () => {
    const handlers: Record<string, () => void> = {};
    const app = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (n: string, f: () => void) => (handlers[n] = f) };
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    handlers['second-instance']!();
    expect(focus).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });
});
