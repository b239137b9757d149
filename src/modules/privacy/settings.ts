import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import type { Program } from '../../platform/programs/schema.js';
import { programSetting } from '../../platform/programs/queries.js';

const ALL: Array<Program['kind']> = ['campaign', 'event'];

/** Settings keys of the privacy module. */
export const PRIVACY_SETTINGS: SettingDef[] = [
  {
    key: 'enforceStaffRoster',
    kinds: ALL,
    schema: s.bool,
    description: '作業従事者名簿で市の承認を受けた者だけが個人情報を閲覧・出力できるようにする (true/false、既定 true)',
  },
  {
    key: 'retentionUntil',
    kinds: ALL,
    schema: s.isoDate,
    description: '個人情報の保存期限 (YYYY-MM-DD、契約終了後)。この日を過ぎて消去していなければ、受託者の作業一覧に消去を促す',
  },
];

export const enforcesStaffRoster = (program: Program): boolean => programSetting<unknown>(program, 'enforceStaffRoster', true) !== false;
