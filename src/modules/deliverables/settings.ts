import type { SettingDef } from '../../platform/programs/setting-def.js';
import { settingSchemas } from '../../platform/programs/setting-def.js';
import type { Program } from '../../platform/programs/schema.js';
import { programSetting } from '../../platform/programs/queries.js';
import { dm } from './messages.js';

/** Default size limit of one uploaded version (a recorded video of the event). */
export const DEFAULT_MAX_UPLOAD_MB = 2048;

export const DELIVERABLES_SETTINGS: SettingDef[] = [
  { key: 'deliverableMaxUploadMb', kinds: ['campaign', 'event'], schema: settingSchemas.count(1, 100_000), description: dm('setting.maxUpload') },
];

/** The program's upload limit in bytes. */
export function maxUploadBytes(program: Program): number {
  return Number(programSetting(program, 'deliverableMaxUploadMb', DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024;
}
