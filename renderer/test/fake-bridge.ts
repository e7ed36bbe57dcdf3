import type { CommandName, CommandRequest, CommandResponse, CommandResult, PosEvent, Snapshot } from '../../shared/ipc';
import { COMMAND_NAMES } from '../../shared/ipc';
import type { RendererBridge } from '../bridge/types';
import { snapshot as makeSnapshot } from './fixtures';
import { Emitter } from '../../shared/emitter';

const rethrow = (error: unknown) => {
  throw error;
};

type Handler<K extends CommandName> = (request: CommandRequest<K>) => CommandResult<CommandResponse<K>> | Promise<CommandResult<CommandResponse<K>>>;

/**
 * An in-memory PosBridge standing in for the main process (which is not under test here): it
 * records every command, answers from handlers a test can replace, and lets the test emit events.
 */
export class FakeBridge {
  readonly calls: { name: CommandName; request: unknown }[] = [];
  snapshot: Snapshot;
  // A listener that throws fails the test that made it throw, as it would surface in the app.
  private listeners = new Emitter<PosEvent>(rethrow);
  private linkListeners = new Emitter<boolean>(rethrow);
  private handlers = new Map<CommandName, (request: unknown) => unknown>();
  readonly bridge: RendererBridge;

  constructor(initial: Snapshot = makeSnapshot()) {
    this.snapshot = initial;
    const bridge: Record<string, unknown> = {
      on: (listener: (event: PosEvent) => void) => this.listeners.on(listener),
      onLinkChange: (listener: (linked: boolean) => void) => this.linkListeners.on(listener),
    };
    for (const name of COMMAND_NAMES) {
      bridge[name] = async (request: unknown) => {
        this.calls.push({ name, request });
        const handler = this.handlers.get(name);
        if (handler) return handler(request);
        return this.defaultAnswer(name, request);
      };
    }
    this.bridge = bridge as unknown as RendererBridge;
  }

  respond<K extends CommandName>(name: K, handler: Handler<K>): void {
    this.handlers.set(name, handler as (request: unknown) => unknown);
  }

  emit(event: PosEvent): void {
    this.listeners.emit(event);
  }

  setLinked(linked: boolean): void {
    this.linkListeners.emit(linked);
  }

  callsOf(name: CommandName): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.request);
  }

  private defaultAnswer(name: CommandName, request: unknown): CommandResult<unknown> {
    switch (name) {
      case 'getSnapshot':
        return { ok: true, value: structuredClone(this.snapshot) };
      case 'startPayment':
        return {
          ok: true,
          value: { transactionId: `tx-${this.calls.length}`, orderRef: (request as { orderRef?: string }).orderRef ?? this.snapshot.nextOrderRef },
        };
      case 'printReceipt':
      case 'printTestPage':
        return { ok: true, value: { jobId: 'job-1' } };
      case 'exportCsv':
        return { ok: true, value: { filename: 'payments.csv', csv: 'a,b\n' } };
      case 'getShift':
        return { ok: true, value: { zReports: [] } };
      case 'getDiagnostics':
        return {
          ok: true,
          value: {
            connectionState: 'open',
            endpoint: 'wss://gw.example/v1',
            lastPongRttMs: 42,
            reconnectsToday: 3,
            appVersion: '0.1.0',
            logDir: '/logs',
            journalDir: '/journal',
            recentErrors: [],
          },
        };
      case 'resolvePayment':
      case 'checkPaymentNow': {
        const id = (request as { transactionId: string }).transactionId;
        const p = this.snapshot.payments.find((x) => x.transactionId === id);
        return p ? { ok: true, value: p } : { ok: false, error: { code: 'not_found', message: 'No such payment.' } };
      }
      default:
        return { ok: true, value: { done: true } };
    }
  }
}
