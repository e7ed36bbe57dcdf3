export { createUpdatePolicy, killSwitchOn, UPDATES_ENV, type BusyState, type UpdatePolicy, type UpdatePolicyOptions } from './update-policy';
export type { UpdaterEvent, UpdaterPort } from './updater-port';
export { feedUrlFromUpdateConfig, updateFeedProblem } from './feed-url';
