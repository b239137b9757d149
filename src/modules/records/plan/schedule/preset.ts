import { addDays, isIsoDate, type IsoDate } from '../../../../platform/calendar/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { programSetting } from '../../../../platform/programs/queries.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { plm } from '../messages.js';
import type { TaskOwnerRole } from '../schema.js';

/** A task of a preset; `after` names earlier tasks of the same preset (by index) it depends on. */
export interface PresetTask {
  title: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  milestone?: boolean;
  owner?: TaskOwnerRole;
  after?: number[];
}

/**
 * The fiscal year an event program runs in: the October before the March the contract ends
 * (seed 000 §3: to 31 March; §7: October to March). From the program's end date, else its event
 * date, else today's date.
 */
function eventYear(program: Program, today: IsoDate): number {
  const end = program.endsOn && isIsoDate(program.endsOn) ? program.endsOn : null;
  if (end) return Number(end.slice(0, 4)) - (Number(end.slice(5, 7)) <= 3 ? 1 : 0);
  const on = programSetting<string | null>(program, 'eventDate', null);
  const ref = on && isIsoDate(on) ? on : today;
  return Number(ref.slice(0, 4)) - (Number(ref.slice(5, 7)) <= 3 ? 1 : 0);
}

/** Seed 000 §7 スケジュール（イメージ）: October to March, the meeting in mid-January. */
export function eventPreset(program: Program, today: IsoDate): PresetTask[] {
  const y = eventYear(program, today);
  const d = (yy: number, mm: number, dd: number) => `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const set = programSetting<string | null>(program, 'eventDate', null);
  const event = set && isIsoDate(set) && set >= d(y, 10, 1) && set <= d(y + 1, 3, 31) ? set : d(y + 1, 1, 15);
  return [
    /* 0 */ { title: '交流会企画内容協議', startsOn: d(y, 10, 1), endsOn: d(y, 10, 31), owner: 'both' },
    /* 1 */ { title: '発表団体へのヒアリング', startsOn: d(y, 10, 1), endsOn: d(y, 11, 30) },
    /* 2 */ { title: '案内文（チラシ）作成・校正', startsOn: d(y, 10, 1), endsOn: d(y, 10, 31) },
    /* 3 */ { title: 'ヒアリング結果まとめ、順次提出', startsOn: d(y, 10, 15), endsOn: d(y, 11, 30), after: [] },
    /* 4 */ { title: '発表団体確定', startsOn: d(y, 11, 30), endsOn: d(y, 11, 30), milestone: true, owner: 'both', after: [1] },
    /* 5 */ { title: '発表資料作成に係る調整・支援', startsOn: d(y, 11, 1), endsOn: addDays(event, -7) },
    /* 6 */ { title: '案内文校了・発送', startsOn: d(y, 11, 1), endsOn: d(y, 11, 30), after: [2] },
    /* 7 */ { title: '講師確定', startsOn: d(y, 11, 15), endsOn: d(y, 11, 15), milestone: true, owner: 'both' },
    /* 8 */ { title: '講師との打ち合わせ', startsOn: d(y, 11, 16), endsOn: d(y, 12, 15), after: [7] },
    /* 9 */ { title: '開催会場との打ち合わせ', startsOn: d(y, 12, 1), endsOn: d(y, 12, 25) },
    /* 10 */ { title: '出席者確定', startsOn: d(y, 12, 25), endsOn: d(y, 12, 25), milestone: true, after: [6] },
    /* 11 */ { title: '（4）①ヒアリング内容レポート校了', startsOn: d(y, 12, 25), endsOn: d(y, 12, 25), milestone: true, owner: 'both', after: [3] },
    /* 12 */ { title: '交流会実施', startsOn: event, endsOn: event, milestone: true, after: [10] },
    /* 13 */ { title: 'アンケート結果とりまとめ・提出', startsOn: addDays(event, 1), endsOn: addDays(event, 14), after: [12] },
    /* 14 */ { title: '（4）②交流会当日レポート作成・校了', startsOn: addDays(event, 1), endsOn: d(y + 1, 3, 20), after: [12] },
    /* 15 */ { title: '業務完了届の提出', startsOn: d(y + 1, 3, 31), endsOn: d(y + 1, 3, 31), milestone: true, after: [14] },
  ];
}

/** From the campaign's own dates (its settings and contract period); a date not set leaves its task out. */
export function campaignPreset(program: Program): PresetTask[] {
  const s = (key: string) => {
    const v = programSetting<string | null>(program, key, null);
    return v && isIsoDate(v) ? v : null;
  };
  const out: PresetTask[] = [];
  const span = (title: string, from: string | null, to: string | null, extra: Partial<PresetTask> = {}) => {
    if (from && to && from <= to) out.push({ title, startsOn: from, endsOn: to, ...extra });
  };
  const mark = (title: string, on: string | null, owner: TaskOwnerRole = 'contractor') => {
    if (on) out.push({ title, startsOn: on, endsOn: on, milestone: true, owner });
  };
  mark('業務着手（着手届の提出）', program.startsOn);
  span('事業者募集（参加申請の受付）', s('applicationOpens'), s('applicationCloses'));
  mark('参加事業者名簿の提出', s('registryDeadline'));
  mark('特設サイト公開', s('siteOpensOn'));
  span('コールセンター（事業者向け）', s('callCenterBusinessOpens'), s('callCenterBusinessCloses'));
  span('コールセンター（利用者向け）', s('callCenterUserOpens'), s('callCenterUserCloses'));
  span('キャンペーン実施期間', s('campaignStarts'), s('campaignEnds'));
  mark('業務完了届の提出', program.endsOn);
  if (!out.some((t) => t.title === 'キャンペーン実施期間')) throw new AppError('validation-failed', plm('err.campaignDates'));
  return out;
}

export function presetFor(program: Program, today: IsoDate): PresetTask[] {
  return program.kind === 'event' ? eventPreset(program, today) : campaignPreset(program);
}
