import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import type { SettingDef } from '../../platform/programs/settings.js';

/** Settings keys of the site module (documented in docs/modules/site.md). */
export const SITE_SETTINGS: SettingDef[] = [
  {
    key: 'siteAccessibilityTestedOn',
    kinds: ['campaign'],
    schema: z.string().trim().refine(isIsoDate, 'YYYY-MM-DD 形式の実在する日付で指定してください'),
    description: 'ウェブアクセシビリティ方針に掲載する試験日 (YYYY-MM-DD)',
  },
];
