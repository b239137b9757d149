import type { SettingDef } from '../programs/settings.js';

/** Settings keys of the events module (documented in README.md). */
export const EVENTS_SETTINGS: SettingDef[] = [];
