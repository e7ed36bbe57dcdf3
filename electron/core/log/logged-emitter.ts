import { Emitter } from '../../../shared/emitter';
import type { Logger } from '../ports';

/** The main process's emitter: a listener that throws becomes one error line named `event`. */
export function loggedEmitter<T>(logger: Pick<Logger, 'error'> | undefined, event: string): Emitter<T> {
  return new Emitter<T>((error) => logger?.error(event, { message: error instanceof Error ? error.message : String(error) }));
}
