import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, commandChannel } from '../../../shared/ipc/channels';
import type { PosBridge } from '../../../shared/ipc/contract';
import type { CommandName } from '../../../shared/ipc/commands';
import type { PosEvent } from '../../../shared/ipc/events';

/**
 * The preload: a domain API, not a transport. One named function per command and `on()` for
 * events; no ipcRenderer, no channel names, no Electron event objects reach the page. Bundled to a
 * single CommonJS file so the window can run with `sandbox: true`.
 */
const call = <K extends CommandName>(name: K): PosBridge[K] => ((request: unknown) => ipcRenderer.invoke(commandChannel(name), request)) as PosBridge[K];

const bridge: PosBridge = {
  getSnapshot: call('getSnapshot'),
  startPayment: call('startPayment'),
  resolvePayment: call('resolvePayment'),
  recordCashSale: call('recordCashSale'),
  checkPaymentNow: call('checkPaymentNow'),
  stopWaiting: call('stopWaiting'),
  acknowledgeAlert: call('acknowledgeAlert'),
  reconnectNow: call('reconnectNow'),
  setCheckoutOpen: call('setCheckoutOpen'),
  refreshTerminals: call('refreshTerminals'),
  exportCsv: call('exportCsv'),
  saveSettings: call('saveSettings'),
  printReceipt: call('printReceipt'),
  printTestPage: call('printTestPage'),
  receiptPdf: call('receiptPdf'),
  listPrinters: call('listPrinters'),
  getDiagnostics: call('getDiagnostics'),
  installUpdate: call('installUpdate'),
  getShift: call('getShift'),
  openShift: call('openShift'),
  closeShift: call('closeShift'),
  shiftReport: call('shiftReport'),
  printShiftReport: call('printShiftReport'),
  shiftReportPdf: call('shiftReportPdf'),
  shiftReportCsv: call('shiftReportCsv'),
  // People.
  signIn: call('signIn'),
  signOut: call('signOut'),
  createFirstManager: call('createFirstManager'),
  chooseRoles: call('chooseRoles'),
  approveManager: call('approveManager'),
  savePerson: call('savePerson'),
  removePerson: call('removePerson'),
  unlockPerson: call('unlockPerson'),
  // basket
  catalogLookup: call('catalogLookup'),
  catalogSearch: call('catalogSearch'),
  catalogStatus: call('catalogStatus'),
  on(listener: (event: PosEvent) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, payload: PosEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('checkstand', bridge);
