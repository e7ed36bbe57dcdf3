import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/core-translator';
import { connectionUnderTest as setup } from '../testing/connection-under-test';
import { checkEndpoint } from './endpoint';

/** Issue 16: why the link is not open is a code the screens translate; `reason` stays English for the log. */
describe('the connection says why as a code', () => {
  it("displaced: names the gateway's words inside our sentence, in English and as a code", () => {
    const { connect, conn } = setup();
    connect().receive({ action: 'forceDisconnect', reason: 'other till' });
    expect(conn.view()).toMatchObject({
      state: 'displaced',
      reason: 'Another register is using this API key: other till',
      reasonMsg: { key: 'core.connection.displaced', values: { reason: 'other till' } },
    });
    expect(translatorFor('de-DE').say(conn.view().reasonMsg)).toContain('other till');
    expect(translatorFor('de-DE').say(conn.view().reasonMsg)).not.toContain('Another register');
  });

  it('a refused key and a failed connect carry their codes and facts', () => {
    const refused = setup();
    refused.configure();
    refused.wire.last().fail('Unexpected server response: 401');
    refused.wire.last().serverClose(1006);
    expect(refused.conn.view().reasonMsg).toEqual({ key: 'core.connection.key_refused_http', values: { status: '401' } });
    const failed = setup();
    failed.configure();
    failed.wire.last().serverClose(4001, 'nope');
    expect(failed.conn.view().reasonMsg).toEqual({ key: 'core.connection.could_not_connect', values: { reason: 'nope' } });
  });

  it('before any configuration, and for a plain ws:// address to another machine', () => {
    expect(setup().conn.view().reasonMsg).toEqual({ key: 'core.connection.no_gateway' });
    const check = checkEndpoint('ws://store.example/v1');
    expect(check.ok ? undefined : check.msg).toEqual({ key: 'core.endpoint.plain_ws' });
  });
});
