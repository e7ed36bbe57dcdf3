/**
 * Regenerates docs/screenshots/simulator-control.png: the control page in a realistic moment
 * (one approved, one declined, one waiting for the trainer, one cable pulled).
 *
 *   node --import tsx simulator/tools/screenshot-control-page.ts
 */
import { chromium } from '@playwright/test';
import { uuidv7 } from '../../shared/ids';
import { startSimulator } from '../index';
import { paymentFrame, TestPos, until } from '../testing/pos-client';

const OUT = process.argv[2] ?? 'docs/screenshots/simulator-control.png';

async function main(): Promise<void> {
  const sim = await startSimulator({ defaultDelayMs: 50 });
  const pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  pos.send(paymentFrame('TERM-001', uuidv7(), { amount: '249.50' }));
  await pos.action('paymentComplete');
  sim.control.script('TERM-002', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS' });
  pos.send(paymentFrame('TERM-002', uuidv7(), { amount: '1200.00' }));
  await pos.action('paymentComplete');
  sim.control.script('TERM-003', { outcome: 'MANUAL', sticky: true });
  pos.send(paymentFrame('TERM-003', uuidv7(), { amount: '87.25' }));
  await until(() => sim.control.terminals().find((t) => t.id === 'TERM-003')?.screen?.state === 'waiting');
  const plain = sim.control.terminals().find((t) => !t.deviceId)!;
  sim.control.dropTerminal(plain.id);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${sim.httpUrl}/__sim/`);
    await page.locator('section.terminal').nth(4).waitFor();
    await page.locator('#transactions tr').nth(2).waitFor();
    await page.screenshot({ path: OUT, fullPage: true });
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    await pos.close();
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
