import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter';

describe('Emitter', () => {
  it('calls every listener in the order they subscribed, and not after they unsubscribe', () => {
    const heard: string[] = [];
    const emitter = new Emitter<number>(() => {});
    const offA = emitter.on((n) => heard.push(`a${n}`));
    emitter.on((n) => heard.push(`b${n}`));
    emitter.emit(1);
    offA();
    emitter.emit(2);
    expect(heard).toEqual(['a1', 'b1', 'b2']);
    expect(emitter.size).toBe(1);
  });

  it('keeps calling the other listeners when one throws, and reports what it threw', () => {
    const heard: number[] = [];
    const reported: unknown[] = [];
    const emitter = new Emitter<number>((error) => reported.push(error));
    emitter.on((n) => heard.push(n));
    emitter.on(() => {
      throw new Error('screen went away');
    });
    emitter.on((n) => heard.push(n * 10));
    emitter.emit(3);
    expect(heard).toEqual([3, 30]);
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('screen went away');
  });

  it('a listener unsubscribed by another during an emit is not called any more, not even in that emit', () => {
    const heard: string[] = [];
    const emitter = new Emitter<void>(() => {});
    let offB = () => {};
    emitter.on(() => {
      heard.push('a');
      offB();
    });
    offB = emitter.on(() => heard.push('b'));
    emitter.emit();
    emitter.emit();
    expect(heard).toEqual(['a', 'a']);
  });

  it('subscribing the same function twice still calls it once; clear() drops everyone', () => {
    let calls = 0;
    const emitter = new Emitter<void>(() => {});
    const listener = () => calls++;
    emitter.on(listener);
    emitter.on(listener);
    emitter.emit();
    emitter.clear();
    emitter.emit();
    expect(calls).toBe(1);
  });
});
