import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicationWindow, type CampaignConfig } from './config.js';

const cfg = (over: Partial<CampaignConfig> = {}): CampaignConfig => ({
  applicationOpens: '2025-04-01',
  applicationCloses: '2025-07-31',
  campaignStarts: '2025-05-26',
  campaignEnds: '2025-07-10',
  registryDeadline: '2025-05-09',
  termsText: '',
  manualText: '',
  featuresEn: {},
  requiredAttachments: ['license'],
  features: [],
  reopenedUntil: null,
  ...over,
});
// 00:30 JST on the given day.
const at = (day: string) => new Date(`${day}T00:30:00+09:00`);

test('the window is inclusive in Tokyo time and never runs past the campaign start unless an admin re-opened it', () => {
  assert.deepEqual(applicationWindow(cfg(), at('2025-03-31')), { open: false, reason: 'not-yet' });
  assert.deepEqual(applicationWindow(cfg(), at('2025-04-01')), { open: true });
  assert.deepEqual(applicationWindow(cfg(), at('2025-05-25')), { open: true });
  assert.deepEqual(applicationWindow(cfg(), at('2025-05-26')), { open: false, reason: 'campaign-started' });
  assert.deepEqual(applicationWindow(cfg({ campaignStarts: '2025-09-01' }), at('2025-08-01')), { open: false, reason: 'closed' });
  assert.deepEqual(applicationWindow(cfg({ reopenedUntil: '2025-06-05' }), at('2025-06-05')), { open: true });
  assert.deepEqual(applicationWindow(cfg({ reopenedUntil: '2025-06-05' }), at('2025-06-06')), { open: false, reason: 'campaign-started' });
  assert.deepEqual(applicationWindow(cfg({ applicationOpens: null }), at('2025-05-01')), { open: false, reason: 'not-configured' });
});
