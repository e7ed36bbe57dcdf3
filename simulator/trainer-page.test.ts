import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { controlPageSuite, POLL } from './testing/control-page-browser';
import { paymentFrame, until } from './testing/pos-client';

/**
 * The control page for trainers (till: the trainer page): scenario presets, a shorter reconnect time
 * for training, cashier words on the buttons, the order reference in the transaction list, and
 * a terminal screen that says "(OFFLINE)" once — and not at all once it is back.
 */
describe('control page for trainers', () => {
  const ctx = controlPageSuite();
  const card = (label: string) => ctx.card(label);
  const graceMs = async (): Promise<number> =>
    ((await (await fetch(`${ctx.sim.httpUrl}/__sim/state`)).json()) as { config: { gracePeriodMs: number } }).config.gracePeriodMs;

  it("the transaction list shows each payment's order reference", async () => {
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-001', id, { metadata: { orderId: 'TRAIN-42' } }));
    await ctx.pos.action('paymentComplete');
    expect(ctx.sim.control.transaction(id)).toMatchObject({ orderRef: 'TRAIN-42' });
    await expect.poll(() => ctx.page.locator('#transactions tr', { hasText: id }).innerText(), POLL).toContain('TRAIN-42');
    expect(await ctx.page.locator('table thead').innerText()).toContain('Order');
  });

  it('preset "Decline: card expired" makes the next payment on that terminal fail with that reason', async () => {
    await card('Lane 2').getByRole('combobox', { name: 'Next payment' }).selectOption({ label: 'Decline: card expired' });
    await card('Lane 2').getByRole('button', { name: 'Use for the next payment' }).click();
    await expect.poll(async () => await ctx.page.locator('#toast').innerText(), POLL).toMatch(/Lane 2: the next payment will be declined \(card expired\)/);
    ctx.pos.send(paymentFrame('TERM-002', uuidv7()));
    const done = await ctx.pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ status: 'FAILED', errorCode: 'EXPIRED_CARD', errorMessage: 'Card expired' });
  });

  it('preset "Customer cancels" and "Terminal lost, back too late" (the auto-void), with a short training reconnect time', async () => {
    await ctx.page.getByRole('combobox', { name: 'Terminal reconnect time' }).selectOption({ label: '2 s (training)' });
    await expect.poll(graceMs, POLL).toBe(2_000);
    await card('Lane 3').getByRole('combobox', { name: 'Next payment' }).selectOption({ label: 'Customer cancels' });
    await card('Lane 3').getByRole('button', { name: 'Use for the next payment' }).click();
    await expect.poll(async () => await ctx.page.locator('#toast').innerText(), POLL).toMatch(/Lane 3: the customer will cancel/);
    ctx.pos.send(paymentFrame('TERM-003', uuidv7()));
    expect((await ctx.pos.action('paymentComplete')).paymentResponse.status).toBe('CANCELLED');

    await card('Lane 3').getByRole('combobox', { name: 'Next payment' }).selectOption({ label: 'Terminal lost, back too late (auto-void)' });
    await card('Lane 3').getByRole('button', { name: 'Use for the next payment' }).click();
    await expect.poll(async () => await ctx.page.locator('#toast').innerText(), POLL).toMatch(/Lane 3: the terminal will drop/);
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-003', id));
    expect((await ctx.pos.action('paymentVoided', 15_000)).transactionId).toBe(id);
    await ctx.page.getByRole('combobox', { name: 'Terminal reconnect time' }).selectOption({ label: '60 s (like the real gateway)' });
    await expect.poll(graceMs, POLL).toBe(60_000);
  }, 30_000);

  it("buttons speak a cashier's words", async () => {
    const lane1 = card('Lane 1');
    for (const name of ['Approve', 'Decline', 'Customer cancels', 'Still processing', 'Terminal loses connection']) {
      expect(await lane1.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    expect(await ctx.page.getByRole('button', { name: 'Restart the gateway' }).count()).toBe(1);
    expect(await ctx.page.getByText('Pull the cable').count()).toBe(0);
  });

  // Last: the restart also closes this test's own POS socket.
  it('a terminal that loses the gateway mid-payment says "(OFFLINE)" once, and not at all once it is back', async () => {
    ctx.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-001', id));
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.state === 'waiting');
    const seen: string[] = [];
    const watch = setInterval(() => seen.push(ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.text ?? ''), 20);
    await ctx.sim.control.restart({ downMs: 600 });
    clearInterval(watch);
    expect(seen.filter((t) => /\(OFFLINE\).*\(OFFLINE\)/.test(t))).toEqual([]);
    expect(seen.some((t) => t.endsWith('(OFFLINE)'))).toBe(true);
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.status === 'online');
    expect(ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.text).not.toContain('OFFLINE');
    ctx.sim.control.resolve('TERM-001', 'CANCELLED');
  });
});
