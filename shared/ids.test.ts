import { describe, expect, it } from 'vitest';
import { UUIDV7_PATTERN, uuidv7, uuidv7Time } from './ids';

describe('uuidv7 (rule 1: a fresh id per attempt)', () => {
  it('makes RFC 9562 version-7 ids carrying the time', () => {
    const at = Date.UTC(2026, 0, 15, 10, 30);
    const id = uuidv7(at + 10_000_000);
    expect(id).toMatch(UUIDV7_PATTERN);
    expect(uuidv7Time(id)).toBe(at + 10_000_000);
  });

  it('never repeats and sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(Date.UTC(2030, 0, 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not read a time out of a non-v7 id', () => {
    expect(uuidv7Time('TXN-20240115-001')).toBeUndefined();
    expect(uuidv7Time('01945f3d-a8c9-4000-8d45-6f8234ab9012')).toBeUndefined();
  });
});
