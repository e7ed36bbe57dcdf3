import { describe, expect, it, vi } from 'vitest';
import { installQuitGuard, QUIT_BUTTONS } from './quit-guard';

function setup(inFlight: boolean, answer: number, locale?: string) {
  let beforeQuit: ((event: { preventDefault(): void }) => void) | undefined;
  const app = {
    on: vi.fn((name: string, fn: typeof beforeQuit) => {
      if (name === 'before-quit') beforeQuit = fn;
    }),
    quit: vi.fn(),
  };
  const dialog = { showMessageBox: vi.fn(async () => ({ response: answer, checkboxChecked: false })) };
  const core = { hasPaymentInFlight: () => inFlight, stop: vi.fn(async () => {}) };
  const guard = installQuitGuard({
    app: app as never,
    dialog: dialog as never,
    core,
    getWindow: () => undefined,
    logger: { info() {}, warn() {}, error() {} },
    ...(locale ? { locale: () => locale } : {}),
  });
  const quit = () => {
    const event = { preventDefault: vi.fn() };
    beforeQuit!(event);
    return event;
  };
  return { app, dialog, core, guard, quit };
}

describe('quit guard', () => {
  it("asks in the till's language (German), the buttons too", async () => {
    const { dialog, guard, quit } = setup(true, 0, 'de-DE');
    quit();
    await guard.settled();
    const options = (dialog.showMessageBox.mock.calls[0] as unknown as [{ title: string; message: string; buttons: string[] }])[0];
    expect(options.title).toBe('Zahlung läuft');
    expect(options.message).toMatch(/Am Terminal läuft noch eine Zahlung/);
    expect(options.buttons).toEqual(['Checkstand geöffnet lassen', 'Trotzdem beenden']);
  });

  it('asks while a payment is in flight, and staying keeps the app and the socket', async () => {
    const { dialog, core, guard, quit, app } = setup(true, 0);
    expect(quit().preventDefault).toHaveBeenCalled();
    await guard.settled();
    const options = (dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; cancelId: number }])[0];
    expect(options.buttons).toEqual([...QUIT_BUTTONS]);
    expect(options.cancelId).toBe(0);
    expect(core.stop).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quitting anyway closes the socket cleanly before exiting', async () => {
    const { core, guard, quit, app } = setup(true, 1);
    quit();
    await guard.settled();
    expect(core.stop).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    // The quit that follows is let through.
    expect(quit().preventDefault).not.toHaveBeenCalled();
  });

  it('without a payment it does not ask, but still stops the core first', async () => {
    const { dialog, core, guard, quit, app } = setup(false, 0);
    quit();
    await guard.settled();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(core.stop).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('closing the window is a guarded quit too, and asks only once when repeated', async () => {
    const { dialog, guard } = setup(true, 0);
    const first = { preventDefault: vi.fn() };
    guard.onWindowClose(first);
    guard.onWindowClose({ preventDefault: vi.fn() });
    await guard.settled();
    expect(first.preventDefault).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
  });
});
