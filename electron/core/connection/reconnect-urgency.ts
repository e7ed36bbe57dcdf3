import type { GatewayConnection } from './gateway-connection';

/**
 * Back online at once: reconnect retries stay within about 1 s while the cashier is on the
 * checkout (the renderer says so) or a payment is open; otherwise the full-jitter backoff keeps
 * the herd of tills apart.
 */
export class ReconnectUrgency {
  private checkoutOpen = false;

  constructor(
    private readonly connection: Pick<GatewayConnection, 'setUrgent'>,
    private readonly hasOpenPayment: () => boolean,
  ) {}

  setCheckoutOpen(open: boolean): void {
    this.checkoutOpen = open;
    this.update();
  }

  update(): void {
    this.connection.setUrgent(this.checkoutOpen || this.hasOpenPayment());
  }
}
