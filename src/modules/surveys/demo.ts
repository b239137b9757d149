import { addDays } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';
import { decideQuestionnaire } from './commands/decide-questionnaire.js';
import { saveQuestionnaire } from './commands/save-questionnaire.js';
import { submitResponse } from './commands/submit-response.js';

const QUESTIONNAIRE = {
  title: '情報交換会 事前アンケート（デモ）',
  titleEn: 'Exchange meeting: survey before the day (demo)',
  questions: [
    { id: 'topic', type: 'single', label: '一番聞きたい話題', labelEn: 'The topic you most want to hear about', required: true, options: [{ value: 'digital', label: 'デジタル化', labelEn: 'Digital tools' }, { value: 'members', label: '担い手の確保', labelEn: 'Finding members' }, { value: 'events', label: '行事の運営', labelEn: 'Running events' }] },
    { id: 'size', type: 'number', label: '町内会等の世帯数', labelEn: 'Households in your association' },
    { id: 'comment', type: 'text', label: '当日に話したいこと', labelEn: 'What you would like to talk about' },
  ],
};
const TOPICS = ['digital', 'members', 'digital', 'events', 'digital', 'members', 'events', 'digital'];

/**
 * Surveys' part of the demo: the exchange meeting's questionnaire before the day, approved by the
 * City, with a few answers (no lottery entries: no personal data). The campaign's own survey is
 * left for whoever tries the import and approval.
 */
export async function seedSurveysDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  const event = seed.programs.event;
  const program = await setProgramSettings(ctx, event.slug, [
    ['surveyOpens', addDays(seed.today, -14)],
    ['surveyCloses', addDays(seed.today, 45)],
  ]);
  await saveQuestionnaire(seed.on(addDays(seed.today, -16), '11:00'), event.id, QUESTIONNAIRE);
  await decideQuestionnaire(seed.on(addDays(seed.today, -15), '14:00'), event.id, { decision: 'approve', comment: '' });
  for (const [i, topic] of TOPICS.entries()) {
    await submitResponse(seed.on(addDays(seed.today, -12 + i), '20:00'), program, { answers: { topic, size: 80 + i * 35, comment: i % 3 === 0 ? '他の町内会の工夫を聞きたいです（デモ）' : '' } }, { locale: 'ja' });
  }
}
