import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { accommodationText } from '../format.js';
import type { RosterRow } from '../roster.js';
import type { EventGroup } from '../schema.js';
import { am } from '../messages.js';
import { boxRow, heading } from './draw.js';

/** One A4 sheet per discussion group: facilitator and members with their organisations and needs. */
export function drawGroupSheets(doc: Pdf, program: Program, groups: EventGroup[], rows: RosterRow[]): void {
  if (groups.length === 0) doc.font('jp').fontSize(12).text(am('groupsPdf.noGroups'));
  groups.forEach((g, i) => {
    if (i > 0) doc.addPage();
    doc.font('jp').fontSize(9).text(program.name);
    heading(doc, am('groups.group', { number: g.number }), 22);
    boxRow(doc, am('term.facilitator'), g.facilitator || am('groupsPdf.facilitatorUnset'));
    doc.moveDown(0.6);
    for (const x of rows.filter((r) => r.group === g.number)) {
      const needs = accommodationText(x.r.accommodations, x.p.accommodationNote);
      boxRow(doc, am('groupsPdf.member', { number: x.r.number }), `${x.p.name}（${x.p.nameKana}）　${[x.p.organization, x.p.orgRole].filter(Boolean).join(' ')}${needs ? `\n${am('groupsPdf.memberNeeds', { needs })}` : ''}`, needs ? 40 : 30);
    }
  });
}
