import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { payment, snapshot, terminal, voidAlert } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const yesterday = Date.now() - 36 * 3600_000;

const payments = [
  payment('a1', { orderRef: 'APPLE-1', state: 'approved', amountMinor: 1000, authorizationCode: 'AUTH1' }),
  payment('a2', { orderRef: 'APPLE-2', state: 'approved', amountMinor: 2500, paymentMethod: 'CASH', terminalId: 't2' }),
  payment('d1', { orderRef: 'DATE-1', state: 'declined', amountMinor: 700, errorCode: 'CARD_EXPIRED' }),
  payment('v1', { orderRef: 'VOID-1', state: 'voided', amountMinor: 900, voidReason: 'Late approval after grace period' }),
  payment('u1', { orderRef: 'UNK-1', state: 'unknown', amountMinor: 300 }),
  payment('old', { orderRef: 'OLD-1', state: 'approved', amountMinor: 99999, createdAt: yesterday, updatedAt: yesterday }),
];

function fake() {
  return new FakeBridge(snapshot({ payments, terminals: [terminal('t1'), terminal('t2')] }));
}

afterEach(() => vi.restoreAllMocks());

// jsdom's Blob has no text(); FileReader it has.
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('history', () => {
  it("lists yesterday's payment whose void still waits for the cashier, as the main process keeps it", async () => {
    const voidedYesterday = payment('vy', { orderRef: 'VOID-YDAY', state: 'voided', createdAt: yesterday, updatedAt: yesterday });
    const alert = voidAlert('al', { transactionId: 'vy', orderRef: 'VOID-YDAY' });
    const { store } = await renderApp(new FakeBridge(snapshot({ payments: [voidedYesterday], alerts: [alert] })));
    // The alert dialog covers the screen; History behind it is what the cashier returns to.
    act(() => store.getState().setScreen('history'));
    expect(within(screen.getByRole('table', { hidden: true })).getByText('VOID-YDAY', { ignore: '[role=dialog] *' })).toBeTruthy();
  });

  it("lists today's payments, filters by status and searches", async () => {
    const user = userEvent.setup();
    await renderApp(fake());
    await user.keyboard('{F2}');
    const table = () => screen.getByRole('table');
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + 5); // header + today's five (yesterday's settled one left out)
    expect(screen.queryByText('OLD-1')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Status'), 'approved');
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + 2);

    await user.selectOptions(screen.getByLabelText('Status'), 'open');
    expect(within(table()).getByText('UNK-1')).toBeTruthy();
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + 1);

    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await user.type(screen.getByLabelText('Search'), 'auth1');
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + 1);
    expect(within(table()).getByText('APPLE-1')).toBeTruthy();
  });

  it('shows details with a reprint, and exports CSV', async () => {
    const user = userEvent.setup();
    const created = vi.fn((_blob: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const f = fake();
    await renderApp(f);
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Details for order APPLE-1' }));
    const details = screen.getByRole('region', { name: /Payment for order APPLE-1/ });
    expect(document.activeElement?.textContent).toMatch(/Payment for order APPLE-1/);
    expect(within(details).getByText('AUTH1')).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Reprint (copy)' }));
    expect(f.callsOf('printReceipt')).toEqual([{ transactionId: 'a1', copy: true }]);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(f.callsOf('exportCsv')).toEqual([{}]);
    expect(created).toHaveBeenCalledTimes(1);
    expect(await readBlob(created.mock.calls[0]![0])).toBe('a,b\n');
    expect(click).toHaveBeenCalledTimes(1);
  });
});

describe('end of day', () => {
  it('totals by status, method and terminal; lists voids and unresolved payments', async () => {
    const user = userEvent.setup();
    await renderApp(fake());
    await user.keyboard('{F3}');
    const dot = (1.5).toLocaleString(undefined, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).replace(/\d/g, '');
    expect(screen.getByTestId('eod-taken').textContent).toContain(`35${dot}00`);
    expect(screen.getByTestId('eod-taken').textContent).toContain('2 approved payments');

    const byStatus = screen.getByRole('table', { name: 'By status' });
    const approvedRow = within(byStatus).getByRole('row', { name: /Approved/ });
    expect(approvedRow.textContent).toContain('2');
    expect(within(byStatus).getByRole('row', { name: /Declined/ }).textContent).toContain(`7${dot}00`);

    const byMethod = screen.getByRole('table', { name: 'Approved by method' });
    expect(within(byMethod).getByRole('row', { name: /Cash/ }).textContent).toContain(`25${dot}00`);
    expect(within(byMethod).getByRole('row', { name: /Card/ }).textContent).toContain(`10${dot}00`);

    const byTerminal = screen.getByRole('table', { name: 'Approved by terminal' });
    expect(within(byTerminal).getByRole('row', { name: /Till t2/ }).textContent).toContain(`25${dot}00`);

    expect(screen.getByText(/VOID-1/).closest('li')?.textContent).toContain('Late approval after grace period');
    expect(screen.getByText(/UNK-1/)).toBeTruthy();
    expect(screen.getByText(/1 payment is not settled/)).toBeTruthy();
  });
});

describe('the order, not the payment (money-truth rule 3)', () => {
  const at = (h: number, m: number) => new Date(new Date().setHours(h, m, 0, 0)).getTime();
  const rt = [
    payment('late', { orderRef: 'RT-1', state: 'voided', terminalId: 't2', amountMinor: 2450, voidReason: 'Late approval' }),
    payment('retake', { orderRef: 'RT-1', state: 'approved', terminalId: 't1', amountMinor: 2450 }),
    payment('x1', { orderRef: 'X-1', state: 'approved', amountMinor: 500 }),
    payment('x2', { orderRef: 'X-1', state: 'approved', amountMinor: 500 }),
  ];
  const orders = [
    {
      orderRef: 'RT-1',
      status: 'paid' as const,
      approvals: [{ transactionId: 'retake', terminalId: 't1', amountMinor: 2450, currency: 'USD', at: at(12, 3) }],
    },
    {
      orderRef: 'X-1',
      status: 'paid_more_than_once' as const,
      approvals: [
        { transactionId: 'x1', terminalId: 't1', amountMinor: 500, currency: 'USD', at: at(12, 10) },
        { transactionId: 'x2', terminalId: 't2', amountMinor: 500, currency: 'USD', at: at(12, 11) },
      ],
    },
  ];
  const bridge = () => new FakeBridge(snapshot({ payments: rt, orders, terminals: [terminal('t1'), terminal('t2')] }));

  it("History says whether each payment's order is paid, whatever that payment did", async () => {
    const user = userEvent.setup();
    await renderApp(bridge());
    await user.keyboard('{F2}');
    const row = (name: RegExp) => screen.getAllByRole('row').filter((r) => name.test(r.textContent ?? ''));
    for (const r of row(/RT-1/)) expect(r.textContent).toMatch(/Paid(?! \d)/);
    expect(row(/X-1/)[0]!.textContent).toContain('Paid 2 times');
  });

  it("End of day lists the orders paid twice and says a voided payment's order is paid", async () => {
    const user = userEvent.setup();
    await renderApp(bridge());
    await user.keyboard('{F3}');
    expect(screen.getByRole('list', { name: 'Orders paid more than once' }).textContent).toMatch(
      /X-1 — paid 2 times: \$5\.00 at 12:10 on Till t1; \$5\.00 at 12:11 on Till t2/,
    );
    expect(screen.getByText(/RT-1/).closest('li')?.textContent).toMatch(/order: Paid$/);
  });
});
