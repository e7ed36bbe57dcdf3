import type { PosBridge } from '../../shared/ipc';

/**
 * Optional extra a bridge may offer: whether the link to the host is up. The WebSocket bridge
 * has it (the socket can drop and come back); Electron IPC does not need it.
 */
export interface BridgeLinkStatus {
  onLinkChange(listener: (linked: boolean) => void): () => void;
}

export type RendererBridge = PosBridge & Partial<BridgeLinkStatus>;
