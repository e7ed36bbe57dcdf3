import checkout from './checkout.json' with { type: 'json' };
import common from './common.json' with { type: 'json' };
import core from './core.json' with { type: 'json' };
import endofday from './endofday.json' with { type: 'json' };
import history from './history.json' with { type: 'json' };
import receipts from './receipts.json' with { type: 'json' };
import results from './results.json' with { type: 'json' };
import services from './services.json' with { type: 'json' };
import settings from './settings.json' with { type: 'json' };

/** Every message of this language, one JSON file per area (see shared/i18n/README.md). */
const catalog: Record<string, string> = { ...common, ...checkout, ...results, ...settings, ...history, ...endofday, ...core, ...services, ...receipts };
export default catalog;
