import type { StateCreator } from 'zustand';
import type { OrderView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/**
 * Every order's standing as the core derived it from all its attempts (money-truth rule 3), and the
 * reference the next sale gets when the cashier types none (rule 4). Never computed here.
 */
export interface OrdersSlice {
  ordersByRef: Record<string, OrderView>;
  nextOrderRef: string;
}

export const createOrdersSlice: StateCreator<PosState, [], [], OrdersSlice> = () => ({ ordersByRef: {}, nextOrderRef: '' });

function ordersFromList(list: OrderView[]): Record<string, OrderView> {
  const byRef: Record<string, OrderView> = {};
  for (const order of list) byRef[order.orderRef] = order;
  return byRef;
}

export const ordersProjection: Projection<OrdersSlice> = {
  fromSnapshot: (snapshot) => ({ ordersByRef: ordersFromList(snapshot.orders), nextOrderRef: snapshot.nextOrderRef }),
  onEvent: (state, event) =>
    event.type === 'order' ? { ordersByRef: { ...state.ordersByRef, [event.order.orderRef]: event.order }, nextOrderRef: event.nextOrderRef } : undefined,
};
