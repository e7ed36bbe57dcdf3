import { describe, expect, it } from 'vitest';
import { checkEndpoint, displayEndpoint, httpBaseFromEndpoint } from './endpoint';

describe('gateway endpoint rules', () => {
  it('accepts wss:// anywhere and ws:// only on loopback', () => {
    expect(checkEndpoint('wss://store.example/v1').ok).toBe(true);
    expect(checkEndpoint('ws://127.0.0.1:8080/v1').ok).toBe(true);
    expect(checkEndpoint('ws://localhost:8080/v1').ok).toBe(true);
    const plain = checkEndpoint('ws://store.example/v1');
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.error).toMatch(/wss:\/\//);
  });

  it('refuses other schemes, garbage and credentials in the URL', () => {
    expect(checkEndpoint('https://store.example/v1').ok).toBe(false);
    expect(checkEndpoint('not a url').ok).toBe(false);
    expect(checkEndpoint('wss://store.example/v1?x-api-key=abc').ok).toBe(false);
  });

  it('derives the HTTP base of the lookup from the socket URL', () => {
    const a = checkEndpoint('wss://store.example/v1');
    const b = checkEndpoint('ws://127.0.0.1:9000/v1');
    expect(a.ok && httpBaseFromEndpoint(a.url)).toBe('https://store.example');
    expect(b.ok && httpBaseFromEndpoint(b.url)).toBe('http://127.0.0.1:9000');
    expect(displayEndpoint('wss://store.example/v1?x=1')).toBe('wss://store.example/v1');
  });
});
