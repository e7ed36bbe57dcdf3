import { describe, expect, it } from 'vitest';
import { hashPin, pinProblem, verifyPin } from './pin-hash';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash that never contains the PIN, different each time', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).toMatch(/^scrypt\$/);
    expect(a).not.toContain('4821');
    expect(a).not.toBe(b);
  });

  it('verifies the right PIN and refuses a wrong one, a near miss and a damaged hash', async () => {
    const stored = await hashPin('482193');
    expect(await verifyPin('482193', stored)).toBe(true);
    expect(await verifyPin('482194', stored)).toBe(false);
    expect(await verifyPin('48219', stored)).toBe(false);
    expect(await verifyPin('482193', 'scrypt$broken')).toBe(false);
    expect(await verifyPin('482193', stored.slice(0, -4))).toBe(false);
  });

  it('a PIN is 4 to 8 digits, said in words a manager understands', () => {
    expect(pinProblem('1234')).toBeUndefined();
    expect(pinProblem('12345678')).toBeUndefined();
    expect(pinProblem('123')).toMatch(/4 to 8 digits/);
    expect(pinProblem('123456789')).toMatch(/4 to 8 digits/);
    expect(pinProblem('12a4')).toMatch(/only digits/);
  });
});
