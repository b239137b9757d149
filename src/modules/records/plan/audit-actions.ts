import { defineAuditActions } from '../../../platform/audit/actions.js';

/** The plan's audit actions (schedule and meetings), with the labels the audit page shows. */
export const planAuditActions = defineAuditActions({
  'records.schedule.preset': { ja: '業務工程表をひな形から作成', en: 'Schedule made from the preset' },
  'records.schedule.task_added': { ja: '業務工程表に作業を追加', en: 'Schedule task added' },
  'records.schedule.task_updated': { ja: '業務工程表の作業を変更', en: 'Schedule task changed' },
  'records.schedule.task_removed': { ja: '業務工程表の作業を削除', en: 'Schedule task removed' },
  'records.schedule.submitted': { ja: '業務工程表を市の承認に提出', en: 'Schedule sent for approval' },
  'records.meeting.created': { ja: '打合せを登録', en: 'Meeting recorded' },
  'records.meeting.minutes_saved': { ja: '議事録を保存', en: 'Minutes saved' },
  'records.meeting.action_added': { ja: '議事録に宿題を追加（工程表に掲載）', en: 'Action item added to the minutes and the schedule' },
  'records.meeting.minutes_sent': { ja: '議事録を市に送付', en: 'Minutes sent to the City' },
  'records.meeting.minutes_confirmed': { ja: '議事録を確認（市）', en: 'Minutes confirmed by the City' },
  'records.meeting.minutes_commented': { ja: '議事録にコメントを返却（市）', en: 'Minutes commented on by the City' },
});

declare module '../../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof planAuditActions, true> {}
}
