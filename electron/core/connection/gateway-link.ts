import type { Logger, Settings } from '../ports';
import type { TerminalViews } from '../terminals/terminal-views';
import type { GatewayConnection } from './gateway-connection';
import type { ConnectionConfig } from './types';

/**
 * Points the gateway connection at what the settings say, and at nothing when a gateway is set
 * but invalid anywhere (rule 1: connect to nothing rather than to a guess).
 */
export class GatewayLink {
  private config: ConnectionConfig | undefined;
  private applied = false;

  constructor(
    private readonly connection: GatewayConnection,
    private readonly terminals: TerminalViews,
    private readonly logger: Logger,
    private readonly gatewayProblems: () => readonly unknown[],
  ) {}

  isConfigured(): boolean {
    return this.config !== undefined;
  }

  apply(s: Settings): void {
    const next = this.configFrom(s);
    const same = next?.endpoint === this.config?.endpoint && next?.apiKey === this.config?.apiKey && next?.groupId === this.config?.groupId;
    if (same && this.applied) return;
    // Another gateway, key or group: the terminals listed so far are not ours any more.
    if (this.applied) this.terminals.forgetAll();
    this.applied = true;
    this.config = next;
    this.logger.info('connection.configure', { endpoint: next?.endpoint ?? '', hasKey: Boolean(next?.apiKey), groupId: next?.groupId ?? '' });
    this.connection.configure(next);
  }

  /** The next start applies the settings afresh. */
  reset(): void {
    this.applied = false;
  }

  private configFrom(s: Settings): ConnectionConfig | undefined {
    if (!s.endpoint.trim() || !s.apiKey || this.gatewayProblems().length > 0) return undefined;
    return { endpoint: s.endpoint.trim(), apiKey: s.apiKey, ...(s.groupId ? { groupId: s.groupId } : {}) };
  }
}
