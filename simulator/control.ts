import WebSocket from 'ws';
import type { KeyEntry, PaymentScript, SimTerminal, SimulatorControl, SimulatorOptions } from './api';
import { CLOSE_RESTART, type Gateway } from './gateway';
import { terminalIdOf, type TerminalState } from './presence';
import type { LookupFault } from './lookup-faults';
import { randomId } from './util';
import { VirtualTerminal } from './virtual-terminal';

type ConfigPatch = Parameters<SimulatorControl['setConfig']>[0];

/**
 * The in-process control surface (api.ts SimulatorControl). The HTTP control API under
 * /__sim calls exactly these methods.
 */
export class Control implements SimulatorControl {
  readonly virtuals = new Map<string, VirtualTerminal>();
  private readonly extraSockets = new Set<WebSocket>();
  private addedCount = 0;

  constructor(
    private readonly gateway: Gateway,
    private readonly wsUrl: () => string,
  ) {}

  /** Creates and connects the virtual terminal of a terminal key. */
  async startVirtual(apiKey: string, entry: KeyEntry): Promise<void> {
    const label = typeof entry.metadata?.label === 'string' ? entry.metadata.label : (entry.deviceId ?? apiKey);
    const vt = new VirtualTerminal(apiKey, label, this.wsUrl(), this.gateway.config);
    this.virtuals.set(apiKey, vt);
    await vt.start();
  }

  terminals(): SimTerminal[] {
    return this.gateway.presence.all().map((t) => this.view(t));
  }

  view(t: TerminalState): SimTerminal & { metadata: Record<string, unknown>; manual: boolean; screen?: VirtualTerminal['screen']; label: string } {
    const vt = this.virtuals.get(t.apiKey);
    const label = typeof t.metadata.label === 'string' ? t.metadata.label : terminalIdOf(t);
    return {
      id: terminalIdOf(t),
      apiKey: t.apiKey,
      ...(t.deviceId ? { deviceId: t.deviceId } : {}),
      ...(t.connectionId ? { connectionId: t.connectionId } : {}),
      groupId: t.groupId,
      status: t.status,
      virtual: vt !== undefined,
      ...(t.busyWith ? { busyWith: t.busyWith } : {}),
      metadata: t.metadata,
      label,
      manual: vt?.manual ?? false,
      ...(vt ? { screen: vt.screen } : {}),
    };
  }

  async addTerminal(input: { deviceId?: string; groupId?: string; metadata?: Record<string, unknown> }): Promise<string> {
    if (input.deviceId && this.gateway.presence.find(input.deviceId)) throw new Error(`deviceId ${input.deviceId} already exists`);
    this.addedCount += 1;
    const apiKey = `sim-term-added-${this.addedCount}-${randomId(6)}`;
    const entry: KeyEntry = {
      role: 'terminal',
      groupId: input.groupId ?? 'group-1',
      ...(input.deviceId ? { deviceId: input.deviceId } : {}),
      metadata: input.metadata ?? { label: input.deviceId ?? `Terminal ${this.addedCount}` },
    };
    this.gateway.registry.add(apiKey, entry);
    await this.startVirtual(apiKey, entry);
    const state = this.gateway.presence.byApiKey(apiKey);
    return state ? terminalIdOf(state) : apiKey;
  }

  private virtualFor(id: string): VirtualTerminal {
    const state = this.gateway.presence.find(id);
    const vt = this.virtuals.get(state?.apiKey ?? id);
    if (!vt) throw new Error(`no virtual terminal ${id}`);
    return vt;
  }

  dropTerminal(id: string, options?: { reconnectAfterMs?: number }): void {
    this.virtualFor(id).pull(options?.reconnectAfterMs);
  }

  reconnectTerminal(id: string, afterMs?: number): void {
    this.virtualFor(id).plugIn(afterMs ?? 0);
  }

  script(id: string, script: PaymentScript): void {
    this.virtualFor(id).setScript(script);
  }

  resolve(id: string, outcome: 'SUCCESS' | 'FAILED' | 'CANCELLED' | 'PENDING', details?: { errorCode?: string; errorMessage?: string }): boolean {
    return this.virtualFor(id).resolve(outcome, details);
  }

  setConfig(patch: ConfigPatch): void {
    const config = this.gateway.config;
    for (const [key, value] of Object.entries(patch) as [keyof ConfigPatch, unknown][]) {
      if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
    }
  }

  readonly faults: SimulatorControl['faults'] = {
    duplicateNext: (action) => {
      this.gateway.faults.duplicateNext = action ?? true;
    },
    delayPushes: (ms: number) => {
      this.gateway.faults.delayPushesMs = Math.max(0, ms);
    },
    reorderNext: () => {
      this.gateway.faults.reorderNext = true;
    },
    dropPosConnections: (options: { silent: boolean; halfOpen?: boolean }) => this.gateway.dropPosConnections(options.silent, options.halfOpen ?? false),
    ignorePings: (on: boolean) => {
      this.gateway.faults.ignorePings = on;
    },
    dropOnNextPayment: (terminalId: string) => {
      if (!this.gateway.presence.find(terminalId)) throw new Error(`no terminal ${terminalId}`);
      this.gateway.faults.dropOnNextPayment = [...new Set([...this.gateway.faults.dropOnNextPayment, terminalId])];
    },
  };

  lookupFault(fault: LookupFault): void {
    this.gateway.lookupFaults.set(fault);
  }

  async displace(apiKey?: string): Promise<void> {
    const key = apiKey ?? this.gateway.registry.firstDesktopKey();
    if (!key) throw new Error('no desktop key to displace');
    const ws = new WebSocket(this.wsUrl(), { headers: { 'x-api-key': key } });
    this.extraSockets.add(ws);
    ws.on('close', () => this.extraSockets.delete(ws));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  async restart(options?: { downMs?: number }): Promise<void> {
    const downMs = options?.downMs ?? 300;
    this.gateway.down = true;
    this.gateway.closeAll(CLOSE_RESTART, 'Service restart');
    await new Promise<void>((resolve) => this.gateway.timers.after(downMs, resolve));
    this.gateway.down = false;
    await Promise.race([
      Promise.all([...this.virtuals.values()].map((vt) => vt.whenOnline())),
      new Promise<void>((resolve) => this.gateway.timers.after(5_000, resolve)),
    ]);
  }

  transactions(): ReturnType<SimulatorControl['transactions']> {
    return this.gateway.transactions.list();
  }

  transaction(transactionId: string): ReturnType<SimulatorControl['transaction']> {
    return this.gateway.transactions.get(transactionId);
  }

  log(): ReturnType<SimulatorControl['log']> {
    return this.gateway.log.entries();
  }

  async close(): Promise<void> {
    for (const ws of this.extraSockets) ws.terminate();
    await Promise.all([...this.virtuals.values()].map((vt) => vt.stop()));
  }
}

export type { SimulatorOptions };
