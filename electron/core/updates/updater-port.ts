/**
 * The thin seam between the update policy (Electron-free, here in core) and electron-updater
 * (electron/host/electron/updater.ts). The adapter configures electron-updater to download in the
 * background as soon as an update is found; everything about *when* to install is the policy's.
 */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface UpdaterPort {
  /** Asks the feed. Results arrive as events; a rejection is treated like an `error` event. */
  checkForUpdates(): Promise<void>;
  /** Whether a downloaded update is installed when the app quits (electron-updater autoInstallOnAppQuit). */
  setInstallOnQuit(on: boolean): void;
  /** Quits the app and runs the downloaded installer now, restarting the app afterwards. */
  quitAndInstall(): void;
  /** Subscribes to updater events; returns the unsubscribe function. */
  on(listener: (event: UpdaterEvent) => void): () => void;
}
