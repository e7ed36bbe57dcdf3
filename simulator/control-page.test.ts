import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { controlPageSuite, POLL } from './testing/control-page-browser';
import { paymentFrame, until } from './testing/pos-client';

/** The control page drives payments by hand, in a real browser (Debian Chromium). */
describe('control page', () => {
  const ctx = controlPageSuite();
  const card = (label: string) => ctx.card(label);

  it('shows every virtual terminal as a screen', async () => {
    await expect.poll(() => ctx.page.locator('section.terminal').count(), POLL).toBe(5);
    expect(await card('Lane 1').locator('.screen').innerText()).toContain('READY');
  });

  it('manual mode + Approve: the cashier gets SUCCESS', async () => {
    await card('Lane 1')
      .getByRole('checkbox', { name: /Manual mode/ })
      .check();
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.manual === true);
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-001', id, { amount: '42.00' }));
    await expect.poll(() => card('Lane 1').locator('.screen').innerText(), POLL).toContain('PHP 42.00');
    await card('Lane 1').getByRole('button', { name: 'Approve' }).click();
    const done = await ctx.pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
    await expect.poll(() => card('Lane 1').locator('.screen').innerText(), POLL).toContain('APPROVED');
    await expect.poll(() => ctx.page.locator('#transactions').innerText(), POLL).toContain(id);
  });

  it('Decline with a picked code: the cashier gets FAILED with that code', async () => {
    ctx.pos.send(paymentFrame('TERM-001', uuidv7()));
    await expect.poll(() => card('Lane 1').getByRole('button', { name: 'Decline' }).isEnabled(), POLL).toBe(true);
    await card('Lane 1').getByRole('combobox', { name: 'Decline code' }).selectOption('EXPIRED_CARD');
    await card('Lane 1').getByRole('button', { name: 'Decline' }).click();
    const done = await ctx.pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ status: 'FAILED', errorCode: 'EXPIRED_CARD', errorMessage: 'Card expired' });
  });

  it('Pending then Cancel', async () => {
    ctx.pos.send(paymentFrame('TERM-001', uuidv7()));
    await expect.poll(() => card('Lane 1').getByRole('button', { name: 'Still processing' }).isEnabled(), POLL).toBe(true);
    await card('Lane 1').getByRole('button', { name: 'Still processing' }).click();
    expect((await ctx.pos.action('paymentComplete')).paymentResponse.status).toBe('PENDING');
    await card('Lane 1').getByRole('button', { name: 'Customer cancels' }).click();
    expect((await ctx.pos.action('paymentComplete')).paymentResponse.status).toBe('CANCELLED');
  });

  it('auto-void recipe: manual payment, the terminal loses its connection past the grace period and reconnects, Approve → paymentVoided', async () => {
    ctx.sim.control.setConfig({ gracePeriodMs: 200 });
    await card('Lane 3')
      .getByRole('checkbox', { name: /Manual mode/ })
      .check();
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-003')?.manual === true);
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-003', id));
    await expect.poll(() => card('Lane 3').getByRole('button', { name: 'Approve' }).isEnabled(), POLL).toBe(true);
    await card('Lane 3').getByRole('button', { name: 'Terminal loses connection' }).click();
    await ctx.pos.next(
      (f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.terminalId === 'TERM-003' && f.frame.status === 'disconnected',
    );
    await card('Lane 3').getByRole('button', { name: 'Terminal reconnects' }).click();
    await ctx.pos.next(
      (f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.terminalId === 'TERM-003' && f.frame.status === 'connected',
    );
    await expect.poll(() => card('Lane 3').getByRole('button', { name: 'Approve' }).isEnabled(), POLL).toBe(true);
    await card('Lane 3').getByRole('button', { name: 'Approve' }).click();
    expect((await ctx.pos.action('paymentVoided')).transactionId).toBe(id);
    await expect.poll(() => card('Lane 3').locator('.screen').innerText(), POLL).toContain('VOIDED');
    ctx.sim.control.setConfig({ gracePeriodMs: 10_000 });
  });

  it('Terminal loses connection / reconnects', async () => {
    await card('Lane 2').getByRole('button', { name: 'Terminal loses connection' }).click();
    expect(await ctx.pos.action('terminalStatusUpdate')).toMatchObject({ terminalId: 'TERM-002', status: 'reconnecting' });
    await card('Lane 2').getByRole('button', { name: 'Terminal reconnects' }).click();
    expect(await ctx.pos.action('terminalStatusUpdate')).toMatchObject({ terminalId: 'TERM-002', status: 'connected' });
  });
});
