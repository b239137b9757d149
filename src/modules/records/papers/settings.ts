import { settingSchemas as s, type SettingDef } from '../../../platform/programs/setting-def.js';
import type { Program } from '../../../platform/programs/schema.js';
import { programSetting } from '../../../platform/programs/queries.js';

const ALL: Array<Program['kind']> = ['campaign', 'event'];

/** Settings the contract notices read (受注者の住所・代表者, 主任担当者). */
export const PAPERS_SETTINGS: SettingDef[] = [
  { key: 'contractorAddress', kinds: ALL, schema: s.text(200), description: '受注者の所在地（契約の届出に記載）' },
  { key: 'contractorRepresentative', kinds: ALL, schema: s.text(100), description: '受注者の代表者の職・氏名（契約の届出に記載）' },
  { key: 'leadPerson', kinds: ALL, schema: s.text(100), description: '主任担当者の氏名（主任担当者届・業務履行体制変更届に記載。変更すると体制変更届の提出を促す）' },
];

export const settingText = (program: Program, key: 'contractorAddress' | 'contractorRepresentative' | 'leadPerson'): string => {
  const v = programSetting<unknown>(program, key, '');
  return typeof v === 'string' ? v.trim() : '';
};
