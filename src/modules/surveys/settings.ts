import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

const BOTH = ['campaign', 'event'] as Array<'campaign' | 'event'>;

/** Settings keys of the surveys module (docs/modules/surveys.md). */
export const SURVEYS_SETTINGS: SettingDef[] = [
  { key: 'surveyOpens', kinds: BOTH, schema: s.isoDate, description: 'アンケートの回答受付の開始日 (YYYY-MM-DD、この日の0時から)' },
  { key: 'surveyCloses', kinds: BOTH, schema: s.isoDate, description: 'アンケートの回答受付の終了日 (YYYY-MM-DD、この日の24時まで)' },
  { key: 'surveyResponsesPerClient', kinds: BOTH, schema: s.count(0, 10_000), description: '1つの接続元アドレスから10分間に送れるアンケート回答の数 (既定 30、0 は制限なし)' },
];

export interface SurveyWindow {
  opens: string | null;
  closes: string | null;
}

export function surveyWindow(program: Program): SurveyWindow {
  return { opens: programSetting<string | null>(program, 'surveyOpens', null), closes: programSetting<string | null>(program, 'surveyCloses', null) };
}

/** Open on `today` (YYYY-MM-DD, Asia/Tokyo) when both dates are set and today lies between them. */
export function isSurveyOpen(w: SurveyWindow, today: string): boolean {
  return !!w.opens && !!w.closes && w.opens <= today && today <= w.closes;
}
