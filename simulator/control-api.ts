import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { summarizeIssues } from '../shared/protocol';
import type { Control } from './control';
import type { Gateway } from './gateway';
import { controlPageHtml } from './control-page';
import { controlRequestRefusal } from './control-guard';
import { LookupFaultBody } from './lookup-faults';
import { readBody, sendJson, type HttpRoute } from './server';

const ScriptBody = z.strictObject({
  outcome: z.enum(['SUCCESS', 'FAILED', 'CANCELLED', 'PENDING_THEN_SUCCESS', 'NO_RESPONSE', 'DROP_MID_PAYMENT', 'MANUAL']),
  delayMs: z.number().int().min(0).max(3_600_000).optional(),
  errorCode: z.string().max(200).optional(),
  errorMessage: z.string().max(2000).optional(),
  receiptData: z.string().max(100_000).optional(),
  omitReceiptData: z.boolean().optional(),
  reconnectAfterMs: z.number().int().min(0).max(3_600_000).optional(),
  resultAfterReconnect: z.enum(['SUCCESS', 'FAILED', 'CANCELLED']).optional(),
  sticky: z.boolean().optional(),
});
const ResolveBody = z.strictObject({
  outcome: z.enum(['SUCCESS', 'FAILED', 'CANCELLED', 'PENDING']),
  errorCode: z.string().max(200).optional(),
  errorMessage: z.string().max(2000).optional(),
});
const AddTerminalBody = z.strictObject({
  deviceId: z.string().min(1).max(200).optional(),
  groupId: z.string().min(1).max(200).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
const Ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3_600_000);
const ConfigBody = z.strictObject({
  gracePeriodMs: Ms.optional(),
  paymentTimeoutMs: Ms.optional(),
  paymentTimeoutMode: z.enum(['silent', 'failed']).optional(),
  replayOnReconnect: z.boolean().optional(),
  defaultDelayMs: Ms.optional(),
  defaultOutcome: ScriptBody.shape.outcome.optional(),
  idleTimeoutMs: Ms.optional(),
  maxConnectionLifetimeMs: Ms.optional(),
  /** The gateway's clock against the machine's, up to a day either way. */
  clockSkewMs: z
    .number()
    .int()
    .min(-24 * 3_600_000)
    .max(24 * 3_600_000)
    .optional(),
  terminalListTimestamps: z.boolean().optional(),
  /** §13.5 lists it under config; same as POST /__sim/faults {duplicateNext:true}. */
  duplicateNext: z.boolean().optional(),
});
const FaultsBody = z.strictObject({
  /** true, or the action whose next push is sent twice. */
  duplicateNext: z.union([z.boolean(), z.enum(['terminalStatusUpdate', 'paymentComplete', 'paymentVoided'])]).optional(),
  delayPushesMs: Ms.optional(),
  reorderNext: z.boolean().optional(),
  ignorePings: z.boolean().optional(),
  dropPosConnections: z.enum(['silent', 'close', 'halfOpen']).optional(),
  /** A terminal id: its next payment is refused just as the terminal drops. */
  dropOnNextPayment: z.string().min(1).max(200).optional(),
});
const DropBody = z.strictObject({ reconnectAfterMs: Ms.optional() });
const ReconnectBody = z.strictObject({ afterMs: Ms.optional() });
const DisplaceBody = z.strictObject({ apiKey: z.string().min(1).max(500).optional() });
const RestartBody = z.strictObject({ downMs: Ms.optional() });

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK.has(address) || address.startsWith('127.'));
}

async function jsonBody<T>(req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await readBody(req);
  if (text === undefined) {
    sendJson(res, 413, { error: 'Body too large' });
    return undefined;
  }
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      sendJson(res, 400, { error: 'Invalid JSON' });
      return undefined;
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    sendJson(res, 400, { error: summarizeIssues(parsed.error) });
    return undefined;
  }
  return parsed.data;
}

/** §13.5 control API under /__sim (loopback only) and the control page at /__sim/. */
export function controlRoute(gateway: Gateway, control: Control): HttpRoute {
  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== '/__sim' && !path.startsWith('/__sim/')) return false;
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: 'The control API answers loopback clients only' });
      return true;
    }
    const refusal = controlRequestRefusal(req);
    if (refusal) {
      sendJson(res, refusal.status, { error: refusal.error });
      return true;
    }
    const method = req.method ?? 'GET';
    const parts = path.split('/').filter(Boolean).slice(1).map(safeDecode);
    gateway.log.record('in', '-', 'control', { method, path });
    try {
      await dispatch(method, parts, req, res, gateway, control);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 404, { error: (err as Error).message });
    }
    return true;
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

async function dispatch(method: string, parts: string[], req: IncomingMessage, res: ServerResponse, gateway: Gateway, control: Control): Promise<void> {
  const [first, id, verb] = parts;
  const ok = (body: unknown = { ok: true }): void => sendJson(res, 200, body);
  if (method === 'GET') return answerGet(first, id, res, gateway, control);
  if (method !== 'POST') {
    sendJson(res, 405, { error: 'Method not allowed' });
    return;
  }
  if (first === 'terminals' && !id) {
    const body = await jsonBody(req, res, AddTerminalBody);
    if (!body) return;
    try {
      return ok({ id: await control.addTerminal(body) });
    } catch (err) {
      sendJson(res, 409, { error: (err as Error).message });
      return;
    }
  }
  if (first === 'terminals' && id && verb && parts.length === 3) return terminalVerb(id, verb, req, res, control);
  if (first === 'config' && !id) {
    const body = await jsonBody(req, res, ConfigBody);
    if (!body) return;
    const { duplicateNext, ...patch } = body;
    control.setConfig(patch);
    if (duplicateNext) control.faults.duplicateNext();
    return ok({ config: gateway.config });
  }
  if (first === 'faults' && !id) {
    const body = await jsonBody(req, res, FaultsBody);
    if (!body) return;
    applyFaults(body, control);
    return ok({ faults: gateway.faults });
  }
  if (first === 'lookup' && !id) {
    const body = await jsonBody(req, res, LookupFaultBody);
    if (!body) return;
    control.lookupFault(body);
    return ok({ lookup: body });
  }
  if (first === 'displace' && !id) {
    const body = await jsonBody(req, res, DisplaceBody);
    if (!body) return;
    await control.displace(body.apiKey);
    return ok();
  }
  if (first === 'restart' && !id) {
    const body = await jsonBody(req, res, RestartBody);
    if (!body) return;
    await control.restart(body);
    return ok();
  }
  throw new Error('Not Found');
}

function answerGet(first: string | undefined, id: string | undefined, res: ServerResponse, gateway: Gateway, control: Control): void {
  const ok = (body: unknown): void => sendJson(res, 200, body);
  if (first === undefined) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(controlPageHtml());
    return;
  }
  if (first === 'state' && !id) {
    return ok({
      terminals: control.terminals(),
      transactions: control.transactions().slice(-200).reverse(),
      config: gateway.config,
      faults: gateway.faults,
      posConnections: [...gateway.posSessions.values()].map((s) => ({ connectionId: s.connectionId, groupId: s.groupId })),
      rssBytes: process.memoryUsage().rss,
    });
  }
  if (first === 'terminals' && !id) return ok(control.terminals());
  if (first === 'transactions' && !id) return ok(control.transactions());
  if (first === 'log' && !id) return ok(control.log());
  throw new Error('Not Found');
}

/** POST /__sim/terminals/:id/(drop|reconnect|script|resolve). */
async function terminalVerb(id: string, verb: string, req: IncomingMessage, res: ServerResponse, control: Control): Promise<void> {
  const ok = (): void => sendJson(res, 200, { ok: true });
  switch (verb) {
    case 'drop': {
      const body = await jsonBody(req, res, DropBody);
      if (!body) return;
      control.dropTerminal(id, body.reconnectAfterMs === undefined ? undefined : { reconnectAfterMs: body.reconnectAfterMs });
      return ok();
    }
    case 'reconnect': {
      const body = await jsonBody(req, res, ReconnectBody);
      if (!body) return;
      control.reconnectTerminal(id, body.afterMs);
      return ok();
    }
    case 'script': {
      const body = await jsonBody(req, res, ScriptBody);
      if (!body) return;
      control.script(id, body);
      return ok();
    }
    case 'resolve': {
      const body = await jsonBody(req, res, ResolveBody);
      if (!body) return;
      const { outcome, ...details } = body;
      const done = control.resolve(id, outcome, details);
      sendJson(res, done ? 200 : 409, done ? { ok: true } : { error: 'No payment is waiting on this terminal' });
      return;
    }
    default:
      throw new Error('Not Found');
  }
}

function applyFaults(body: z.infer<typeof FaultsBody>, control: Control): void {
  if (body.duplicateNext) control.faults.duplicateNext(body.duplicateNext === true ? undefined : body.duplicateNext);
  if (body.delayPushesMs !== undefined) control.faults.delayPushes(body.delayPushesMs);
  if (body.reorderNext) control.faults.reorderNext();
  if (body.ignorePings !== undefined) control.faults.ignorePings(body.ignorePings);
  if (body.dropOnNextPayment) control.faults.dropOnNextPayment(body.dropOnNextPayment);
  if (body.dropPosConnections) {
    const mode = body.dropPosConnections;
    control.faults.dropPosConnections({ silent: mode !== 'close', halfOpen: mode === 'halfOpen' });
  }
}
