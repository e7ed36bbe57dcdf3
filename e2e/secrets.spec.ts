import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle } from '../simulator/api';
import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, banner, expectResult, pay, waitOnline } from './cashier';

/**
 * Money-safety rule 8: the API key and secret never leave the main process. Across a whole session —
 * demo payments, saving a real-looking key and secret in Settings, payments through that gateway,
 * an unknown payment checked with the (signed) HTTP lookup, reloads — every bridge WebSocket frame
 * in both directions and every file the host wrote in its data dir (logs, journal, settings) is
 * searched for the demo key and secret and the saved ones. The only frame allowed to hold the saved
 * pair is the one carrying what the cashier typed: the form's single `saveSettings` request to the
 * main process (there is no other way in). Nothing sent back to the page ever contains either.
 */

const DEMO_KEY = 'sim-pos-key-0001';
const DEMO_SECRET = 'sim-pos-secret-0001';
const LIVE_KEY = 'mlk_live_7Qx9Vb2LpT4sNw8RzK3mHd6Y';
const LIVE_SECRET = 'mls_live_Jf5Uc1Ae9Gq2Wx7Pn4Tb8Lr3Zk6Dv0Hs';
const SECRETS = [DEMO_KEY, DEMO_SECRET, LIVE_KEY, LIVE_SECRET];

let liveGateway: SimulatorHandle;

test.use({ tuning: { paymentDeadlineMs: 2_500 } });

test.beforeEach(async ({ host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  liveGateway = await startSimulator({
    port: 0,
    defaultDelayMs: 200,
    gracePeriodMs: 3_000,
    paymentTimeoutMs: 10_000,
    config: {
      keys: {
        [LIVE_KEY]: { role: 'desktop', groupId: 'store-42', apiSecret: LIVE_SECRET },
        mlk_term_till_a: { role: 'terminal', groupId: 'store-42', deviceId: 'TILL-A', metadata: { label: 'Till A' } },
      },
    },
  });
});

test.afterEach(async () => {
  await liveGateway?.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test('no bridge frame and no file in the data dir contains the API key or secret', async ({ page, sim, app, bridgeFrames }) => {
  expect(sim.apiKeys.pos).toBe(DEMO_KEY);
  expect(sim.apiKeys.posSecret).toBe(DEMO_SECRET);
  await waitOnline(page);

  // 1. Demo mode: a payment with the demo key.
  await pay(page, { terminal: 'Lane 1', digits: '1000', order: 'SEC-1' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('n');

  // 2. Save a real-looking key and secret (and the gateway that knows them).
  await page.keyboard.press('F9');
  await page.getByLabel('Gateway address').fill(liveGateway.url);
  await page.getByLabel('Group ID').fill('store-42');
  await page.getByLabel('API key').fill(LIVE_KEY);
  await page.getByLabel(/^API secret/).fill(LIVE_SECRET);
  await page.getByRole('button', { name: 'Save settings' }).click();
  // Only a masked hint comes back to the screen.
  await expect(page.getByText(/^Saved key /)).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveValue('');
  await waitOnline(page);
  // A real gateway is saved: the "No real card is charged" ribbon must go at once, not on reload.
  await expect(page.getByRole('note', { name: 'Demo mode' })).toHaveCount(0);

  // 3. Payments through the live gateway: one approved, one unknown checked with the signed lookup.
  await page.keyboard.press('F1');
  await pay(page, { terminal: 'Till A', digits: '2500', order: 'SEC-2' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('n');
  liveGateway.control.script('TILL-A', { outcome: 'NO_RESPONSE' });
  await pay(page, { terminal: 'Till A', digits: '3000', order: 'SEC-3' });
  await expectResult(page, RESULT.unknown, 8_000);
  await page.getByRole('button', { name: 'Check with the gateway' }).click();
  await expect(page.getByText(/The gateway does not know the result yet either/)).toBeVisible();
  expect(liveGateway.control.log().some((e) => e.role === 'http')).toBe(true);
  await page.getByRole('radio', { name: /^Not charged/ }).check();
  await page.getByLabel('Reason (required)').fill('Terminal shows nothing');
  await page.getByRole('button', { name: 'Resolve payment' }).click();
  await expectResult(page, RESULT.abandoned);
  await page.keyboard.press('F2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('SEC-3');
  for (const secret of SECRETS) expect(csv.includes(secret), `CSV contains ${secret.slice(0, 8)}…`).toBe(false);

  // 4. The CSV export crosses the bridge too; then a reload: a fresh snapshot (with the settings view) crosses the bridge again.
  await page.reload();
  await expect(banner(page)).toContainText('Online');
  // Still no ribbon after the reload.
  await expect(page.getByRole('note', { name: 'Demo mode' })).toHaveCount(0);
  await page.keyboard.press('F9');
  await expect(page.getByText(/^Saved secret /)).toBeVisible();

  // The recorder saw the session (orders, settings)…
  const traffic = bridgeFrames.map((f) => f.payload).join('\n');
  expect(bridgeFrames.filter((f) => f.dir === 'sent').length).toBeGreaterThan(5);
  for (const seen of ['SEC-1', 'SEC-2', 'SEC-3', 'store-42', liveGateway.url]) expect(traffic).toContain(seen);
  // …and the host really logged it.
  const files = await filesUnder(app.dataDir);
  const logFiles = files.filter((f) => f.includes(`${path.sep}logs${path.sep}`));
  expect(logFiles.length).toBeGreaterThan(0);
  const fileTexts = await Promise.all(files.map(async (f) => ({ file: path.relative(app.dataDir, f), text: await readFile(f, 'utf8') })));
  expect(
    fileTexts
      .filter((f) => logFiles.includes(path.join(app.dataDir, f.file)))
      .map((f) => f.text)
      .join(''),
  ).toContain('SEC-2');

  // Neither anywhere. The one exception is where the cashier types them: the single saveSettings
  // request from the form to the main process. Nothing ever comes back, nothing else carries them.
  const isTheSave = (f: { dir: string; payload: string }) => f.dir === 'sent' && JSON.parse(f.payload).name === 'saveSettings';
  expect(bridgeFrames.filter(isTheSave)).toHaveLength(1);
  for (const secret of SECRETS) {
    const carrying = bridgeFrames.filter((f) => f.payload.includes(secret) && !([LIVE_KEY, LIVE_SECRET].includes(secret) && isTheSave(f)));
    expect(carrying, `bridge frames containing ${secret.slice(0, 8)}…`).toEqual([]);
    expect(
      fileTexts.filter((f) => f.text.includes(secret)).map((f) => f.file),
      `files containing ${secret.slice(0, 8)}…`,
    ).toEqual([]);
  }
});
