import { msg, type Msg } from '../../../shared/i18n/message';
import { said } from '../i18n/english';
import type { GatewaySettingProblem } from '../ports';

/**
 * Where a setting came from, as a code (issue 16): "environment variable {name}", "provisioning
 * file {name}" or the saved settings. The English `source` strings stay for the log; the screens
 * (the red banner, Diagnostics) say the code in the till's language.
 */
export function sourceMsgOf(readableSource: string): Msg {
  const env = /^environment variable (.+)$/.exec(readableSource)?.[1];
  if (env) return msg('services.settings.source_env', { name: env });
  const file = /^provisioning file (.+)$/.exec(readableSource)?.[1];
  if (file) return msg('services.settings.source_file', { name: file });
  return msg('services.settings.source_saved');
}

/** A form field's error: its code, and its English for the log. */
export function fieldError(field: string, key: string, values?: Record<string, string | number>): { field: string; message: string; msg: Msg } {
  const { msg: m, text } = said(key, values);
  return { field, message: text, msg: m };
}

/** Why a provisioned field cannot be changed in the form, naming where store IT set it. */
export function lockedError(field: string, source: string | undefined): { field: string; message: string; msg: Msg } {
  if (!source) return fieldError(field, 'services.settings.locked');
  if (source.startsWith('provisioning file')) return fieldError(field, 'services.settings.locked_file');
  return fieldError(field, 'services.settings.locked_env', { name: source });
}

/** A gateway setting's problem with its English (`problem`, `source`) and its codes beside. */
export function gatewayProblem(field: string, source: string, problem: Msg): GatewaySettingProblem {
  return { field, source, problem: said(problem.key, problem.values).text, problemMsg: problem, sourceMsg: sourceMsgOf(source) };
}
