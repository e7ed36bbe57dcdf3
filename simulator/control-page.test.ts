import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { openControlPage, POLL } from './testing/control-page-browser';
import { paymentFrame, TestPos, until } from './testing/pos-client';


/** The control page drives payments by hand, in a real browser (Debian Chromium). */
describe('control page', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator({ defaultDelayMs: 20, gracePeriodMs: 10_000 });
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    ({ browser, page } = await openControlPage(sim));
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await pos?.close();
    await sim?.close();
  });

  const card = (label: string) => page.locator('section.terminal', { has: page.getByRole('heading', { name: label }) });

  it('shows every virtual terminal as a screen', async () => {
    await expect.poll(() => page.locator('section.terminal').count(), POLL).toBe(5);
    expect(await card('Lane 1').locator('.screen').innerText()).toContain('READY');
  });

  it('manual mode + Approve: the cashier gets SUCCESS', async () => {
    await card('Lane 1').getByRole('checkbox', { name: /Manual mode/ }).check();
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-001')?.manual === true);
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id, { amount: '42.00' }));
    await expect.poll(() => card('Lane 1').locator('.screen').innerText(), POLL).toContain('PHP 42.00');
    await card('Lane 1').getByRole('button', { name: 'Approve' }).click();
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
    await expect.poll(() => card('Lane 1').locator('.screen').innerText(), POLL).toContain('APPROVED');
    await expect.poll(() => page.locator('#transactions').innerText(), POLL).toContain(id);
  });

  it('Decline with a picked code: the cashier gets FAILED with that code', async () => {
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await expect.poll(() => card('Lane 1').getByRole('button', { name: 'Decline' }).isEnabled(), POLL).toBe(true);
    await card('Lane 1').getByRole('combobox', { name: 'Decline code' }).selectOption('EXPIRED_CARD');
    await card('Lane 1').getByRole('button', { name: 'Decline' }).click();
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ status: 'FAILED', errorCode: 'EXPIRED_CARD', errorMessage: 'Card expired' });
  });

  it('Pending then Cancel', async () => {
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await expect.poll(() => card('Lane 1').getByRole('button', { name: 'Still processing' }).isEnabled(), POLL).toBe(true);
    await card('Lane 1').getByRole('button', { name: 'Still processing' }).click();
    expect((await pos.action('paymentComplete')).paymentResponse.status).toBe('PENDING');
    await card('Lane 1').getByRole('button', { name: 'Customer cancels' }).click();
    expect((await pos.action('paymentComplete')).paymentResponse.status).toBe('CANCELLED');
  });

  it('auto-void recipe: manual payment, the terminal loses its connection past the grace period and reconnects, Approve → paymentVoided', async () => {
    sim.control.setConfig({ gracePeriodMs: 200 });
    await card('Lane 3').getByRole('checkbox', { name: /Manual mode/ }).check();
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-003')?.manual === true);
    const id = uuidv7();
    pos.send(paymentFrame('TERM-003', id));
    await expect.poll(() => card('Lane 3').getByRole('button', { name: 'Approve' }).isEnabled(), POLL).toBe(true);
    await card('Lane 3').getByRole('button', { name: 'Terminal loses connection' }).click();
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.terminalId === 'TERM-003' && f.frame.status === 'disconnected');
    await card('Lane 3').getByRole('button', { name: 'Terminal reconnects' }).click();
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.terminalId === 'TERM-003' && f.frame.status === 'connected');
    await expect.poll(() => card('Lane 3').getByRole('button', { name: 'Approve' }).isEnabled(), POLL).toBe(true);
    await card('Lane 3').getByRole('button', { name: 'Approve' }).click();
    expect((await pos.action('paymentVoided')).transactionId).toBe(id);
    await expect.poll(() => card('Lane 3').locator('.screen').innerText(), POLL).toContain('VOIDED');
    sim.control.setConfig({ gracePeriodMs: 10_000 });
  });

  it('Terminal loses connection / reconnects', async () => {
    await card('Lane 2').getByRole('button', { name: 'Terminal loses connection' }).click();
    expect(await pos.action('terminalStatusUpdate')).toMatchObject({ terminalId: 'TERM-002', status: 'reconnecting' });
    await card('Lane 2').getByRole('button', { name: 'Terminal reconnects' }).click();
    expect(await pos.action('terminalStatusUpdate')).toMatchObject({ terminalId: 'TERM-002', status: 'connected' });
  });
});
