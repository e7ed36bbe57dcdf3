import checkout from './checkout.json';
import common from './common.json';
import core from './core.json';
import endofday from './endofday.json';
import history from './history.json';
import receipts from './receipts.json';
import results from './results.json';
import services from './services.json';
import settings from './settings.json';

/** Every message of this language, one JSON file per area (see shared/i18n/README.md). */
const catalog: Record<string, string> = { ...common, ...checkout, ...results, ...settings, ...history, ...endofday, ...core, ...services, ...receipts };
export default catalog;
