import { tokyoDateTime } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import type { Column } from '../../platform/exports/index.js';
import { programScope } from '../../platform/vault/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, accommodationText } from './format.js';
import { am } from './messages.js';
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
  { header: am('term.number'), value: (x) => x.r.number, kind: 'int' },
  { header: am('term.status'), value: (x) => STATUS_LABELS[x.r.status] },
  { header: am('term.attendance'), value: (x) => ATTENDANCE_LABELS[x.r.attendance] },
  { header: am('term.channel'), value: (x) => CHANNEL_LABELS[x.r.channel] },
  { header: am('term.receivedOn'), value: (x) => x.r.receivedOn, kind: 'date' },
  { header: am('term.name'), value: (x) => x.p.name, width: 16 },
  { header: am('term.nameKana'), value: (x) => x.p.nameKana, width: 18 },
  { header: am('term.organization'), value: (x) => x.p.organization, width: 22 },
  { header: am('term.orgRole'), value: (x) => x.p.orgRole },
  { header: am('term.email'), value: (x) => x.p.email, width: 26 },
  { header: am('term.phone'), value: (x) => x.p.phone, width: 14 },
  { header: am('term.fax'), value: (x) => x.p.fax, width: 14 },
  { header: am('term.accommodations'), value: (x) => accommodationText(x.r.accommodations, x.p.accommodationNote), width: 24 },
  { header: am('term.question'), value: (x) => x.p.question, width: 30 },
  { header: am('term.group'), value: (x) => x.group ?? '' },
  { header: am('term.checkin'), value: (x) => (x.r.checkedInAt ? tokyoDateTime(x.r.checkedInAt) : '') },
  { header: am('export.duplicate'), value: (x) => (x.r.possibleDuplicateOf ? am('export.duplicateOf', { id: x.r.possibleDuplicateOf }) : '') },
  { header: am('term.confirmation'), value: (x) => (x.r.printStatus === 'to-send' ? am('export.unsent') : x.r.printStatus === 'sent' ? am('export.sent') : '') },
];
