import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** Settings → This till (till: a sale in five keys, cash tender): this till's terminal and the terminal methods. */
describe("settings: this till's terminal and the methods sent to the terminal", () => {
  it('default to the last terminal used and Card only; the choices are sent', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: fake.snapshot.settings } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    const terminal = screen.getByLabelText("This till's terminal") as HTMLSelectElement;
    expect(terminal.value).toBe('');
    expect(terminal.selectedOptions[0]?.textContent).toBe('The last terminal used');
    const mobile = screen.getByRole('checkbox', { name: /^Mobile/ }) as HTMLInputElement;
    expect(mobile.checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: /^Other/ }) as HTMLInputElement).checked).toBe(false);
    await user.selectOptions(terminal, 'Till t1 (t1)');
    await user.click(mobile);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(fake.callsOf('saveSettings')[0]).toMatchObject({ tillTerminal: 't1', terminalMethods: ['MOBILE'] });
  });

  it('are read-only when store IT provisioned them', async () => {
    const user = userEvent.setup();
    const base = snapshot();
    const settings = { ...base.settings, tillTerminal: 'TERM-9', terminalMethods: ['OTHER' as const], lockedFields: ['tillTerminal', 'terminalMethods'] };
    await renderApp(new FakeBridge(snapshot({ settings })));
    await user.keyboard('{F9}');
    const terminal = screen.getByLabelText("This till's terminal") as HTMLSelectElement;
    expect(terminal.value).toBe('TERM-9');
    expect(terminal.selectedOptions[0]?.textContent).toBe('TERM-9 (not connected now)');
    expect(terminal.disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: /^Other/ }) as HTMLInputElement).disabled).toBe(true);
  });
});
