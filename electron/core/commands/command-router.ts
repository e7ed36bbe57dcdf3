import { parseCommand, type CommandName, type CommandRequest, type CommandResponse, type CommandResult } from '../../../shared/ipc';
import type { Logger } from '../ports';
import { asRefusal, fail } from './command-result';

export type CommandHandlers = { [K in CommandName]: (req: CommandRequest<K>) => Promise<CommandResult<CommandResponse<K>>> };

/**
 * Answers every command of shared/ipc/commands.ts and never throws at a host: the request is
 * checked by the contract's one `parseCommand` (hosts, tests and benches all reach the core
 * through here), a service's refusal keeps its code, anything else becomes a logged `internal`.
 */
export class CommandRouter {
  constructor(
    private readonly handlers: CommandHandlers,
    private readonly logger: Logger,
    private readonly noteError: (message: string) => void,
  ) {}

  async invoke<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResult<CommandResponse<K>>> {
    const parsed = parseCommand(name, request);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      const handler = this.handlers[name] as (req: unknown) => Promise<CommandResult<CommandResponse<K>>>;
      return await handler(parsed.request);
    } catch (err) {
      const refusal = asRefusal(err);
      if (refusal) return { ok: false, error: refusal };
      this.logger.error('command.failed', { command: name, message: String(err) });
      this.noteError(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return fail('internal', `Something went wrong (${name}). The details are in the log.`);
    }
  }
}
