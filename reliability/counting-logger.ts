import type { Logger } from '../electron/core/ports';

/**
 * A Logger that counts lines by event (the fuzz runs send 100 000 inputs; keeping every line, as
 * the core's memory logger does up to a cap, would measure the logger, not the core).
 */
export function createCountingLogger(): Logger & { counts: Map<string, number>; count(...events: string[]): number; last: Record<string, unknown>[] } {
  const counts = new Map<string, number>();
  const last: Record<string, unknown>[] = [];
  const line = (level: string) => (event: string, fields?: Record<string, unknown>) => {
    counts.set(event, (counts.get(event) ?? 0) + 1);
    last.push({ level, event, ...fields });
    if (last.length > 50) last.shift();
  };
  return {
    counts,
    last,
    count: (...events) => events.reduce((n, e) => n + (counts.get(e) ?? 0), 0),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
  };
}
