import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';

/** Settings keys of the site module (documented in docs/modules/site.md). */
export const SITE_SETTINGS: SettingDef[] = [
  {
    key: 'siteOpensOn',
    kinds: ['campaign'],
    schema: s.isoDate,
    description: 'キャンペーンサイトの公開日 (YYYY-MM-DD; 報道発表日。前日までは一般に404、スタッフにはプレビュー。未設定なら公開中)',
  },
];
