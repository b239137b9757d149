import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';

/** Settings keys of the site module (documented in docs/modules/site.md). */
export const SITE_SETTINGS: SettingDef[] = [
  {
    key: 'siteAccessibilityTestedOn',
    kinds: ['campaign'],
    schema: s.isoDate,
    description: 'ウェブアクセシビリティ方針に掲載する試験日 (YYYY-MM-DD)',
  },
];
