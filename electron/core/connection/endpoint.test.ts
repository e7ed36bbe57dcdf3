import { describe, expect, it } from 'vitest';
import { checkEndpoint, displayEndpoint, httpBaseFromEndpoint, isLoopbackHost } from './endpoint';

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

  it('treats every loopback spelling as this computer, and nothing that merely looks like it', () => {
    for (const host of ['127.0.0.1', '127.10.200.30', 'localhost', '[::1]']) expect(checkEndpoint(`ws://${host}:4010/v1`).ok, host).toBe(true);
    for (const host of ['127.0.0.1.evil.example', 'x127.0.0.1', '10.0.0.1', 'localhost.example'])
      expect(checkEndpoint(`ws://${host}:4010/v1`).ok, host).toBe(false);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('127.0.0')).toBe(false);
    // Straight to the rule (a URL parser refuses these hosts anyway): anchored at both ends.
    expect(isLoopbackHost('x127.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1x')).toBe(false);
    expect(isLoopbackHost('127.10.20.30')).toBe(true);
  });

  it('says what is wrong, in words, for each refusal; trims the address first', () => {
    const refusal = (endpoint: string) => {
      const r = checkEndpoint(endpoint);
      return r.ok ? 'ok' : r.error;
    };
    expect(refusal('not a url')).toBe('The gateway address "not a url" is not a valid URL (expected wss://host/v1).');
    expect(refusal('https://store.example/v1')).toBe('The gateway address must start with wss:// (got https://).');
    expect(refusal('ws://store.example/v1')).toBe(
      'The gateway address must use wss:// (encrypted). Plain ws:// is only allowed for this computer (localhost).',
    );
    const credentials = 'The gateway address must not contain credentials; enter the API key in its own field.';
    expect(refusal('wss://user:pw@store.example/v1')).toBe(credentials);
    expect(refusal('wss://user@store.example/v1')).toBe(credentials);
    expect(refusal('wss://:pw@store.example/v1')).toBe(credentials);
    expect(refusal('  wss://store.example/v1  ')).toBe('ok');
    expect(refusal(' ws://127.0.0.1:4010/v1')).toBe('ok');
    expect(refusal('wss://store.example/v1?lane=2')).toBe('ok');
  });

  it('shows the address without query or credentials, even when it is not a URL', () => {
    expect(displayEndpoint('wss://user:pw@store.example:8443/v1?x-api-key=k#frag')).toBe('wss://store.example:8443/v1');
    expect(displayEndpoint('not a url?x-api-key=k')).toBe('not a url');
    expect(displayEndpoint('garbage#x')).toBe('garbage');
  });
});
