import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { NOW, shiftReport } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(() => vi.restoreAllMocks());

const z1 = shiftReport({
  kind: 'Z',
  number: 1,
  label: 'Z 0001',
  closedAt: NOW - 60_000,
  byMethod: [{ key: 'CASH', currency: 'EUR', count: 1, amountMinor: 550 }],
});

describe('past Z reports in History', () => {
  it('lists every Z of the till; one reopens as it was made and reprints, saves and exports by its number', async () => {
    const fake = new FakeBridge();
    fake.respond('getShift', () => ({ ok: true, value: { zReports: [{ number: 1, label: 'Z 0001', openedAt: z1.openedAt, closedAt: z1.closedAt! }] } }));
    fake.respond('shiftReport', () => ({ ok: true, value: z1 }));
    fake.respond('printShiftReport', () => ({ ok: true, value: { jobId: 'j1' } }));
    fake.respond('shiftReportCsv', () => ({ ok: true, value: { filename: 'z-report-Z-0001.csv', csv: 'section\r\n' } }));
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:z');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Z reports' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Z reports');
    expect(screen.getByRole('button', { name: 'Z reports', pressed: true })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Open Z 0001' }));
    expect(fake.callsOf('shiftReport')).toEqual([{ number: 1 }]);

    const z = await screen.findByRole('region', { name: 'Z report 0001' });
    expect(within(z).getByRole('table', { name: 'By method' }).textContent).toMatch(/Cash1€5\.50/);
    await user.click(within(z).getByRole('button', { name: 'Print Z 0001' }));
    await user.click(within(z).getByRole('button', { name: 'Export CSV' }));
    expect(fake.callsOf('printShiftReport')).toEqual([{ number: 1 }]);
    expect(fake.callsOf('shiftReportCsv')).toEqual([{ number: 1 }]);

    // Back to the payments: the list the cashier knows, unchanged.
    await user.click(screen.getByRole('button', { name: 'Payments' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Today's payments");
  });

  it('says so when no Z has been made yet', async () => {
    const user = userEvent.setup();
    await renderApp(new FakeBridge());
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Z reports' }));
    expect((await screen.findByText(/No Z report has been made on this till yet/)).tagName).toBe('P');
  });
});
