import type { Program } from '../../platform/programs/schema.js';

/** One deliverable a program starts with: what its seed (仕様書) asks the contractor to deliver. */
export interface Preset {
  key: string;
  title: string;
  /** Quantity and format, and the clause of the seed. */
  note: string;
  requiredRounds: number;
}

/** Seed 002 (the campaign's 仕様書). */
const CAMPAIGN: Preset[] = [
  { key: 'implementation-plan', title: '実施計画書（スケジュール・実施体制）', note: '§9-1', requiredRounds: 0 },
  { key: 'business-manual', title: '参加事業者向けマニュアル', note: '§6-1-3', requiredRounds: 0 },
  { key: 'creative', title: '広告・クリエイティブ', note: '§6-3 校正2回以上', requiredRounds: 2 },
  { key: 'flyer', title: 'チラシ（A4）', note: '§6-3 3,000部＋PDF 校正2回以上', requiredRounds: 2 },
  { key: 'registry', title: '参加事業者名簿', note: '§6-1-1(4)', requiredRounds: 0 },
  { key: 'registry-final', title: '参加事業者名簿（最終データ）', note: '§6-1-1(4)', requiredRounds: 0 },
  { key: 'monthly-report', title: '月次報告書', note: '§8 毎月', requiredRounds: 0 },
  { key: 'survey-report', title: 'アンケート調査報告書', note: '§6-5', requiredRounds: 0 },
  { key: 'final-report', title: '業務完了報告書', note: '§8', requiredRounds: 0 },
];

/** Seed 000 (the exchange meeting's 仕様書). */
const EVENT: Preset[] = [
  { key: 'notice-of-commencement', title: '着手届', note: '§4(1)', requiredRounds: 0 },
  { key: 'lead-person', title: '主任担当者届', note: '§4(1)', requiredRounds: 0 },
  { key: 'schedule', title: '業務工程表', note: '§4(1)', requiredRounds: 0 },
  { key: 'notice-of-completion', title: '業務完了届', note: '§4(1)', requiredRounds: 0 },
  { key: 'flyer', title: 'チラシ', note: '3,000部', requiredRounds: 2 },
  { key: 'event-report', title: '開催報告書', note: 'A3二つ折り 3,500部 校正4〜5回程度', requiredRounds: 4 },
  { key: 'survey-results', title: 'アンケート集計結果', note: '§8', requiredRounds: 0 },
  { key: 'video', title: '記録動画', note: '§8', requiredRounds: 0 },
  { key: 'hearing-articles', title: 'ヒアリング記事（7〜10団体）', note: '§6(4) 各記事のPDF（市ホームページ掲載用）', requiredRounds: 4 },
];

/**
 * Deliverables the seed asks for only when they happen (a change of the staffing, 業務履行体制変更届):
 * not in the starting register; added when another module first attaches a version for them.
 */
export const EXTRA_PRESETS: Preset[] = [
  { key: 'structure-change', title: '業務履行体制変更届', note: '§4(1) 体制の変更時', requiredRounds: 0 },
];

/** The preset list for a program kind. */
export function presetsFor(kind: Program['kind']): Preset[] {
  return kind === 'event' ? EVENT : CAMPAIGN;
}
