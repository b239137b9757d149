import { defineAuditActions } from '../audit/actions.js';

/** Programs (tenancy) and the demo: audit actions and labels. */
export const programsAuditActions = defineAuditActions({
  'platform.program.created': { ja: '事業を作成', en: 'Program created' },
  'platform.program.settings_changed': { ja: '事業の設定を変更', en: 'Program settings changed' },
  'platform.demo.seeded': { ja: 'デモデータを作成', en: 'Demo data created' },
});

declare module '../audit/actions.js' {
  interface AuditActions extends Record<keyof typeof programsAuditActions, true> {}
}
