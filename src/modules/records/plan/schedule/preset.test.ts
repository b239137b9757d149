import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Program } from '../../../../platform/programs/schema.js';
import { campaignPreset, eventPreset } from './preset.js';

const program = (p: Partial<Program>): Program =>
  ({ id: 1, slug: 'x', name: 'x', kind: 'campaign', client: '仙台市', contractor: '', startsOn: null, endsOn: null, settings: {}, isDemo: false, createdAt: new Date(), updatedAt: new Date(), ...p }) as Program;

describe('records plan: schedule presets', () => {
  test("a campaign's tasks come from its own dates; a date not set leaves its task out", () => {
    const tasks = campaignPreset(
      program({ startsOn: '2026-05-01', endsOn: '2027-03-31', settings: { applicationOpens: '2026-05-10', applicationCloses: '2026-06-10', campaignStarts: '2026-07-01', campaignEnds: '2027-01-31', registryDeadline: '2026-06-20' } }),
    );
    assert.deepEqual(
      tasks.map((t) => [t.title, t.startsOn, t.endsOn, t.milestone ?? false]),
      [
        ['業務着手（着手届の提出）', '2026-05-01', '2026-05-01', true],
        ['事業者募集（参加申請の受付）', '2026-05-10', '2026-06-10', false],
        ['参加事業者名簿の提出', '2026-06-20', '2026-06-20', true],
        ['キャンペーン実施期間', '2026-07-01', '2027-01-31', false],
        ['業務完了届の提出', '2027-03-31', '2027-03-31', true],
      ],
    );
  });

  test('a campaign without its period is refused with a message, not a 500', () => {
    assert.throws(() => campaignPreset(program({ settings: {} })), (e: Error & { code?: string }) => e.code === 'validation-failed' && /キャンペーンの日付/.test(e.message));
  });

  test("an event's October–March plan follows the contract's fiscal year and its event date", () => {
    const tasks = eventPreset(program({ kind: 'event', endsOn: '2028-03-31', settings: { eventDate: '2028-01-20' } }), '2026-06-01');
    assert.equal(tasks[0]!.startsOn, '2027-10-01');
    assert.equal(tasks.find((t) => t.title === '交流会実施')!.startsOn, '2028-01-20');
    assert.equal(tasks.at(-1)!.endsOn, '2028-03-31');
    for (const t of tasks) for (const a of t.after ?? []) assert.ok(a < tasks.indexOf(t), `${t.title}: depends on an earlier task`);
  });
});
