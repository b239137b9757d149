/** The plan's API for the OpenAPI document: the work schedule as JSON and as an SVG Gantt chart. */
import { z } from 'zod';
import { fileResponse, jsonResponse, lazyApiPaths } from '../../../../platform/http/openapi-kit.js';

const tags = ['業務工程表'];

export const ScheduleAnswer = z.object({
  approvedAt: z.string().nullable().meta({ description: '市が今の工程表を承認した日時（ISO 8601）。未承認、または承認後に変更があって再承認待ちのときは null' }),
  tasks: z.array(
    z.object({
      id: z.number().int().meta({ description: '作業の ID' }),
      title: z.string().meta({ description: '作業名' }),
      startsOn: z.string().meta({ description: '開始日（YYYY-MM-DD）' }),
      endsOn: z.string().meta({ description: '終了日（YYYY-MM-DD）' }),
      progress: z.number().int().meta({ description: '進捗率（0〜100）' }),
      milestone: z.boolean().meta({ description: 'マイルストーン（期日だけの節目）か' }),
    }),
  ),
});

const problems = { unauthenticated: 'トークンがない、または無効', forbidden: 'この事業の admin・operator・city でない', 'not-found': '事業がない、または他の事業' } as const;

export const PLAN_PATHS = lazyApiPaths(() => ({
  'GET /programs/{slug}/schedule': {
    summary: '業務工程表（作業とマイルストーン）',
    description: '作業は表示順。approvedAt は、今の内容が成果物「業務工程表」で市に承認されているときだけ入ります（進捗率の更新は承認に影響しません）。',
    auth: 'bearer',
    tags,
    responses: { 200: jsonResponse('工程表', ScheduleAnswer) },
    problems,
  },
  'GET /programs/{slug}/schedule.svg': {
    summary: '業務工程表のガントチャート（SVG）',
    description: '今日の線、遅延した作業（終了日を過ぎて進捗 100% 未満）は赤で「遅延」と示します。',
    auth: 'bearer',
    tags,
    responses: { 200: fileResponse('SVG', 'image/svg+xml') },
    problems,
  },
}));
