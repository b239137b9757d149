import { tokyoDateTime } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import type { Column } from '../../platform/exports/index.js';
import { programScope } from '../../platform/vault/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, accommodationText } from './format.js';
import { openPerson, type Person } from './person.js';
import { listGroups, listRegistrations, type RosterFilter } from './queries.js';
import type { EventRegistration } from './schema.js';

export interface RosterRow {
  r: EventRegistration;
  p: Person;
  group: number | null;
}

/**
 * The roster with personal data opened, for a view, an export or a print. Records the access in
 * the audit trail in the same transaction (`events.roster.viewed` / `.exported` / `.printed`).
 */
export async function readRoster(
  ctx: CommandContext,
  program: Program,
  filter: RosterFilter,
  purpose: { action: 'viewed' | 'exported' | 'printed'; what: string },
): Promise<RosterRow[]> {
  const regs = await listRegistrations(ctx.tx, program.id, filter);
  const groups = new Map((await listGroups(ctx.tx, program.id)).map((g) => [g.id, g.number]));
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  ctx.audit({ action: `events.roster.${purpose.action}`, programId: program.id, targetType: 'event_roster', targetId: program.id, diff: { what: purpose.what, filter, count: regs.length } });
  return regs.map((r) => ({ r, p: openPerson(box, r), group: r.groupId ? (groups.get(r.groupId) ?? null) : null }));
}

export const ROSTER_COLUMNS: Column<RosterRow>[] = [
  { header: '受付番号', value: (x) => x.r.number, kind: 'int' },
  { header: '状況', value: (x) => STATUS_LABELS[x.r.status] },
  { header: '参加方法', value: (x) => ATTENDANCE_LABELS[x.r.attendance] },
  { header: '受付経路', value: (x) => CHANNEL_LABELS[x.r.channel] },
  { header: '受付日', value: (x) => x.r.receivedOn, kind: 'date' },
  { header: '氏名', value: (x) => x.p.name, width: 16 },
  { header: 'ふりがな', value: (x) => x.p.nameKana, width: 18 },
  { header: '所属団体', value: (x) => x.p.organization, width: 22 },
  { header: '役職', value: (x) => x.p.orgRole },
  { header: 'メールアドレス', value: (x) => x.p.email, width: 26 },
  { header: '電話番号', value: (x) => x.p.phone, width: 14 },
  { header: 'FAX番号', value: (x) => x.p.fax, width: 14 },
  { header: '合理的配慮', value: (x) => accommodationText(x.r.accommodations, x.p.accommodationNote), width: 24 },
  { header: '質問', value: (x) => x.p.question, width: 30 },
  { header: 'グループ', value: (x) => x.group ?? '' },
  { header: '当日受付', value: (x) => (x.r.checkedInAt ? tokyoDateTime(x.r.checkedInAt) : '') },
  { header: '重複候補', value: (x) => (x.r.possibleDuplicateOf ? `ID ${x.r.possibleDuplicateOf}` : '') },
  { header: '受付確認書', value: (x) => (x.r.printStatus === 'to-send' ? '未送付' : x.r.printStatus === 'sent' ? '送付済み' : '') },
];
