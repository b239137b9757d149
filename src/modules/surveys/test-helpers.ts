import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Deps } from '../../platform/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeProgram, makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { apiRequest } from '../../../test/helpers/http.js';
import type { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';

/** A questionnaire with every type of question (the test clock's day 2026-06-01 is inside the window). */
export const QUESTIONNAIRE = {
  title: '宿泊キャンペーン利用者アンケート',
  titleEn: 'Stay campaign survey',
  questions: [
    { id: 'h1', type: 'heading', label: 'ご利用について', labelEn: 'About your stay' },
    { id: 'sat', type: 'scale', label: '満足度', labelEn: 'Satisfaction', required: true, options: [{ value: '1', label: '不満', labelEn: 'Poor' }, { value: '5', label: '満足', labelEn: 'Excellent' }] },
    { id: 'purpose', type: 'single', label: '旅行の目的', labelEn: 'Purpose of the trip', required: true, options: [{ value: 'leisure', label: '観光', labelEn: 'Leisure' }, { value: 'business', label: '仕事', labelEn: 'Business' }] },
    { id: 'found', type: 'multi', label: 'キャンペーンを知ったきっかけ', labelEn: 'How you heard of the campaign', options: [{ value: 'web', label: 'ウェブサイト', labelEn: 'Website' }, { value: 'sns', label: 'SNS', labelEn: 'Social media' }, { value: 'other', label: 'その他', labelEn: 'Other' }] },
    { id: 'nights', type: 'number', label: '泊数', labelEn: 'Nights' },
    { id: 'comment', type: 'text', label: 'ご意見・ご感想', labelEn: 'Comments' },
  ],
};

export function writeJson(data: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-survey-')), 'q.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

/**
 * A program with an approved questionnaire and an open survey window: imported with the CLI and
 * approved by the City's API token.
 */
export async function makeSurvey(deps: Deps, app: Hono<AppEnv>, slug: string, kind: 'campaign' | 'event' = 'campaign') {
  const program = await makeProgram(deps, slug, kind);
  const set = await cli(deps, ['program', 'set', slug, 'surveyOpens=2026-05-01', 'surveyCloses=2026-07-31']);
  if (set.code !== 0) throw new Error(set.err);
  const imported = await cli(deps, ['survey', 'import', '--program', slug, writeJson(QUESTIONNAIRE)]);
  if (imported.code !== 0) throw new Error(imported.err);
  const city = await makeUser(deps, `city-${slug}@example.jp`, 'city', program.id);
  const cityToken = await makeToken(deps, city.id);
  const res = await apiRequest(app, 'POST', `/api/v1/programs/${slug}/survey/approval`, { token: cityToken, body: { decision: 'approve' } });
  if (res.status !== 200) throw new Error(`approval ${res.status} ${await res.text()}`);
  const operator = await makeUser(deps, `op-${slug}@example.jp`, 'operator', program.id);
  const operatorToken = await makeToken(deps, operator.id);
  return { program, cityToken, operatorToken, city, operator };
}

/** A valid answer set; `i` varies it. */
export function answersFor(i: number) {
  return { sat: (i % 5) + 1, purpose: i % 3 === 0 ? 'business' : 'leisure', found: i % 2 ? ['web', 'sns'] : ['other'], ...(i % 2 ? {} : { 'found.other': '友人から' }), nights: (i % 4) + 1, comment: `感想 ${i}` };
}
