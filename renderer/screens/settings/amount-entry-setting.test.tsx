import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

describe('settings: what digits without a decimal point mean', () => {
  it("starts at cash-register style and sends the store's choice", async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: fake.snapshot.settings } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    const choice = screen.getByLabelText('Amounts typed without a decimal point') as HTMLSelectElement;
    expect(choice.value).toBe('cash-register');
    await user.selectOptions(choice, 'Whole amounts: 2450 is 2450.00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(fake.callsOf('saveSettings')[0]).toMatchObject({ amountEntry: 'whole-units' });
  });

  it('is read-only when store IT provisioned it', async () => {
    const user = userEvent.setup();
    const base = snapshot();
    await renderApp(new FakeBridge(snapshot({ settings: { ...base.settings, amountEntry: 'whole-units', lockedFields: ['amountEntry'] } })));
    await user.keyboard('{F9}');
    const choice = screen.getByLabelText('Amounts typed without a decimal point') as HTMLSelectElement;
    expect(choice.value).toBe('whole-units');
    expect(choice.disabled).toBe(true);
  });
});
