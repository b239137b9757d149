import type { SettingDef } from '../programs/settings.js';

/** Settings keys of the campaign module (documented in README.md). */
export const CAMPAIGN_SETTINGS: SettingDef[] = [];
