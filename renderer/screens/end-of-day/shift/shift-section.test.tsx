import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ShiftView } from '../../../../shared/ipc';
import { FakeBridge } from '../../../test/fake-bridge';
import { shiftReport } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const shift: ShiftView = { id: 's1', till: 'R1', openedAt: Date.now() - 3600_000, floatMinor: 10_000, currency: 'EUR' };

const xReport = () => shiftReport({ openedAt: shift.openedAt });

const unresolved = {
  transactionId: 'u1',
  orderRef: 'UNK-1',
  terminal: 'Lane 3',
  amountMinor: 4200,
  currency: 'EUR',
  method: 'CARD',
  state: 'unknown',
  at: Date.now(),
};

describe('the shift in End of day', () => {
  it('shows the difference before the Z, then the refusal with the unresolved payment; confirming sends the confirmation', async () => {
    const fake = new FakeBridge();
    fake.respond('getShift', () => ({ ok: true, value: { open: shift, zReports: [] } }));
    fake.respond('shiftReport', () => ({ ok: true, value: xReport() }));
    fake.respond('closeShift', (req) =>
      req.confirmUnresolved
        ? { ok: true, value: { closed: true, report: { ...xReport(), kind: 'Z', number: 1, label: 'Z 0001', closedAt: Date.now(), unresolved: [unresolved] } } }
        : { ok: true, value: { closed: false, needs: 'confirmation', unresolved: [unresolved], message: '1 payment of this shift is not settled.' } },
    );
    const user = userEvent.setup();
    await renderApp(fake);
    await user.keyboard('{F3}');
    await user.click(await screen.findByRole('button', { name: 'Close shift (Z report)' }));
    await user.keyboard('105.00');
    expect((await screen.findByTestId('shift-difference')).textContent).toMatch(/0\.50 \(short\)/);

    await user.click(screen.getByRole('button', { name: 'Close shift and make Z' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Z report was not made. 1 payment of this shift is not settled.');
    expect(within(alert).getByRole('list', { name: 'Unresolved payments' }).textContent).toMatch(/UNK-1.*42\.00.*Lane 3/);
    expect(fake.callsOf('closeShift')).toEqual([{ countedCashMinor: 10_500 }]);

    await user.click(within(alert).getByRole('button', { name: 'Close anyway and list them on the Z' }));
    expect(fake.callsOf('closeShift')[1]).toEqual({ countedCashMinor: 10_500, confirmUnresolved: true });
    const z = await screen.findByRole('region', { name: 'Z report 0001' });
    expect(within(z).getByRole('heading', { name: 'Unresolved at close' }).nextElementSibling?.textContent).toMatch(/UNK-1/);
  });

  it('roles on: the refusal asks for the manager PIN and sends it', async () => {
    const fake = new FakeBridge();
    fake.respond('getShift', () => ({ ok: true, value: { open: shift, zReports: [] } }));
    fake.respond('shiftReport', () => ({ ok: true, value: xReport() }));
    fake.respond('closeShift', () => ({
      ok: true,
      value: { closed: false, needs: 'manager_pin', unresolved: [unresolved], message: 'A manager can allow the close.' },
    }));
    const user = userEvent.setup();
    await renderApp(fake);
    await user.keyboard('{F3}');
    await user.click(await screen.findByRole('button', { name: 'Close shift (Z report)' }));
    await user.keyboard('0');
    await user.click(screen.getByRole('button', { name: 'Close shift and make Z' }));
    await user.type(await screen.findByLabelText('Manager PIN'), '4321');
    await user.click(screen.getByRole('button', { name: 'Manager approves the close' }));
    expect(fake.callsOf('closeShift')[1]).toEqual({ countedCashMinor: 0, managerPin: '4321' });
  });
});
