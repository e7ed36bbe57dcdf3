import { controlRoute } from './control-api';
import type { Control } from './control';
import type { Gateway } from './gateway';
import { gatewayHttpRoute } from './http-api';
import type { HttpRoute } from './server';

/** HTTP routes on the simulator's port, in order: the gateway HTTP API, then /__sim. */
export function httpRoutes(deps: { gateway: Gateway; control: Control }): HttpRoute[] {
  return [gatewayHttpRoute(deps.gateway), controlRoute(deps.gateway, deps.control)];
}
