import type { TerminalView } from '../../../shared/ipc';
import type { TerminalStatusUpdateFrame, TerminalsResponseFrame } from '../../../shared/protocol';
import type { GatewayConnection } from '../connection/gateway-connection';
import type { EventStream } from '../events/event-stream';
import type { PaymentLedger } from '../payments/ledger';
import type { Clock, TimerHandle } from '../ports';
import type { RegistryChange, TerminalRegistry } from './terminal-registry';

export interface TerminalViewsDeps {
  registry: TerminalRegistry;
  ledger: PaymentLedger;
  connection: GatewayConnection;
  events: EventStream;
  clock: Clock;
  /** CoreTuning.graceRecheckMarginMs. */
  graceRecheckMarginMs: number;
}

/**
 * The terminals as the cashier sees them: the registry's facts plus the link, whether the list
 * is fresh since the last open (§9.2), and each terminal's open payment. Emits `terminal` and
 * `terminalRemoved` events, and asks for the list again when a grace countdown ends unresolved.
 */
export class TerminalViews {
  /** False from each open until the first terminalsResponse: the old list may be stale (§9.2). */
  private synced = false;
  /** The list re-check per reconnecting terminal, and the grace end it was armed for. */
  private readonly graceTimers = new Map<string, { handle: TimerHandle; endsAt: number }>();

  constructor(private readonly deps: TerminalViewsDeps) {}

  isSynced(): boolean {
    return this.synced;
  }

  view(id: string): TerminalView | undefined {
    const { registry, ledger, connection } = this.deps;
    const open = ledger.openForTerminal(id);
    return registry.view(id, { linkOpen: connection.isOpen(), synced: this.synced, ...(open ? { openPaymentId: open.transactionId } : {}) });
  }

  all(): TerminalView[] {
    return this.deps.registry.ids().flatMap((id) => this.view(id) ?? []);
  }

  /** The name a refusal shows for a terminal (its label, else its id). */
  label(id: string): string {
    return this.deps.registry.label(id) ?? id;
  }

  emit(change: RegistryChange): void {
    this.emitRemoved(change.removed);
    for (const id of change.changed) {
      const view = this.view(id);
      if (view) this.deps.events.emit({ type: 'terminal', terminal: view });
    }
  }

  /** The link or a payment changed what every (or one) terminal shows; ids no longer known are skipped (emit finds no view). */
  refresh(ids: string[] = this.deps.registry.ids()): void {
    this.emit({ changed: ids, removed: [] });
  }

  onLinkOpen(): void {
    this.synced = false;
    this.refresh();
  }

  onList(frame: TerminalsResponseFrame): void {
    const change = this.deps.registry.applyList(frame, this.deps.clock.now());
    if (!this.synced) {
      this.synced = true;
      change.changed = this.deps.registry.ids();
    }
    this.emit(change);
  }

  /** A push: the terminal's open payment hears it too (grace countdown, back online, gone). */
  onStatusUpdate(frame: TerminalStatusUpdateFrame): void {
    const { registry, ledger } = this.deps;
    const change = registry.applyPush(frame, this.deps.clock.now());
    this.emit(change);
    for (const id of new Set([...change.changed, ...change.removed])) {
      const open = ledger.openForTerminal(id);
      // The payment hears only the status: its screen takes the countdown from the terminal's view.
      if (open) ledger.apply(open.transactionId, { type: 'terminal', status: frame.status });
      this.armGraceCheck(id);
    }
  }

  /** The gateway said the terminal is not connected: show it offline and ask for the list. */
  markGone(id: string): void {
    this.emit(this.deps.registry.markOffline(id));
    this.deps.connection.send({ action: 'getTerminals' });
  }

  /** Another gateway or key: the old terminals are not ours any more. */
  forgetAll(): void {
    this.emitRemoved(this.deps.registry.clear());
  }

  dispose(): void {
    for (const { handle } of this.graceTimers.values()) this.deps.clock.clearTimeout(handle);
    this.graceTimers.clear();
  }

  private emitRemoved(ids: string[]): void {
    for (const id of ids) this.deps.events.emit({ type: 'terminalRemoved', terminalId: id });
  }

  /**
   * When the grace countdown ends without a verdict, ask the gateway for the list again. Only a
   * reconnecting terminal has a countdown (the registry clears it on every other fact).
   */
  private armGraceCheck(id: string): void {
    const { registry, clock, connection } = this.deps;
    const ends = registry.graceEndsAt(id);
    if (ends === undefined) return;
    const armed = this.graceTimers.get(id);
    // A repeated "reconnecting" keeps its countdown's end: the timer armed for it stands, since a
    // delay worked out again from the wall clock would move by however far that clock jumped.
    if (armed?.endsAt === ends) return;
    clock.clearTimeout(armed?.handle);
    const check = () => {
      this.graceTimers.delete(id);
      if (registry.presence(id) === 'reconnecting') connection.send({ action: 'getTerminals' });
    };
    const handle = clock.setTimeout(check, Math.max(0, ends - clock.now()) + this.deps.graceRecheckMarginMs);
    this.graceTimers.set(id, { handle, endsAt: ends });
  }
}
