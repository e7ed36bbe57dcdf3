import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('seeded RNG', () => {
  it('one seed gives one sequence; another seed another; forks are independent but reproducible', () => {
    const seq = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
    const f1 = createRng(7).fork('TERM-001');
    const f2 = createRng(7).fork('TERM-001');
    const f3 = createRng(7).fork('TERM-002');
    expect([f1.next(), f1.next()]).toEqual([f2.next(), f2.next()]);
    expect(f3.next()).not.toBe(createRng(7).fork('TERM-001').next());
  });

  it('int, pick and weighted stay in range and honour zero weights', () => {
    const r = createRng(1);
    for (let i = 0; i < 2_000; i += 1) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
      expect(r.weighted({ never: 0, always: 1 })).toBe('always');
    }
    expect(() => r.pick([])).toThrow(/empty/);
  });
});
