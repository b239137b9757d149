import { formatWareki } from '../../../../platform/calendar/index.js';
import { pdfToBuffer, type Pdf } from '../../../../platform/pdf/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { pp } from '../messages.js';
import type { NoticeKind } from '../schema.js';
import { settingText } from '../settings.js';
import type { DeliveryStructure } from './structure.js';

/** What a notice is made of: the program's contract data, its structure and the day it is issued. */
export interface NoticeInput {
  kind: NoticeKind;
  program: Program;
  structure: DeliveryStructure;
  /** YYYY-MM-DD (Asia/Tokyo). */
  issuedOn: string;
}

/** 仙台市 → 仙台市長: a notice is addressed to the head of the client body. */
export function addressee(client: string): string {
  const c = client.trim() || '仙台市';
  return /[都道府県市区町村]$/.test(c) ? `${c}長` : c;
}

/** The settings a kind of notice cannot be made without, as their Japanese names. */
export function missingFields(input: NoticeInput): string[] {
  const { program, structure, kind } = input;
  const missing: string[] = [];
  if (!program.contractor.trim()) missing.push(pp('field.contractor'));
  if (!program.startsOn || !program.endsOn) missing.push(pp('field.period'));
  if ((kind === 'lead-person' || kind === 'structure-change') && !structure.leadPerson) missing.push(pp('field.leadPerson'));
  return missing;
}

/** The items under 記, numbered in the order the notice lists them. */
function items(input: NoticeInput): Array<[string, string[]]> {
  const { program, structure, kind, issuedOn } = input;
  const wareki = (d: string | null) => (d ? formatWareki(d) : pp('notice.unset'));
  const list: Array<[string, string[]]> = [
    [pp('notice.item.contract'), [program.name]],
    [pp('notice.item.period'), [pp('notice.periodValue', { from: wareki(program.startsOn), to: wareki(program.endsOn) })]],
  ];
  const staff = structure.staff.length
    ? structure.staff.map((s) => pp('notice.staffLine', { name: s.name, kind: pp(`staffKind.${s.kind}`), affiliation: s.affiliation ? `　${s.affiliation}` : '' }))
    : [pp('notice.noStaff')];
  if (kind === 'commencement') list.push([pp('notice.item.start'), [wareki(program.startsOn)]], [pp('notice.item.lead'), [structure.leadPerson || pp('notice.unset')]]);
  if (kind === 'lead-person') list.push([pp('notice.item.lead'), [structure.leadPerson]]);
  if (kind === 'structure-change') list.push([pp('notice.item.changedOn'), [formatWareki(issuedOn)]], [pp('notice.item.lead'), [structure.leadPerson]], [pp('notice.item.staff'), staff]);
  if (kind === 'completion') list.push([pp('notice.item.end'), [formatWareki(issuedOn)]]);
  return list;
}

/** Draws the notice in the formal layout: date right, 宛先, the contractor, title, text, 記, items, 以上. */
export function drawNotice(doc: Pdf, input: NoticeInput): void {
  const { program } = input;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('jp').fontSize(11);
  doc.text(formatWareki(input.issuedOn), { align: 'right' });
  doc.moveDown(1.5);
  doc.text(pp('notice.to', { client: addressee(program.client) }));
  doc.moveDown(1.5);
  const from = [
    pp('notice.from.address', { value: settingText(program, 'contractorAddress') || pp('notice.unset') }),
    pp('notice.from.name', { value: program.contractor || pp('notice.unset') }),
    pp('notice.from.representative', { value: settingText(program, 'contractorRepresentative') || pp('notice.unset') }),
  ];
  const left = doc.page.margins.left + width * 0.45;
  for (const line of from) doc.text(line, left, undefined, { width: width * 0.55 });
  doc.x = doc.page.margins.left;
  doc.moveDown(2);
  doc.font('jp-bold').fontSize(16).text(pp(`notice.${input.kind}`), { align: 'center', width });
  doc.moveDown(1.5);
  doc.font('jp').fontSize(11).text(`　${pp(`notice.body.${input.kind}`)}`, { width });
  doc.moveDown(1);
  doc.text(pp('notice.record'), { align: 'center', width });
  doc.moveDown(1);
  items(input).forEach(([label, lines], i) => {
    doc.text(`${i + 1}　${label}`, { width });
    for (const line of lines) doc.text(`　　${line}`, { width });
    doc.moveDown(0.5);
  });
  doc.moveDown(1);
  doc.text(pp('notice.end'), { align: 'right', width });
}

/** The notice as PDF bytes. */
export function renderNotice(input: NoticeInput): Promise<Buffer> {
  return pdfToBuffer((doc) => drawNotice(doc, input), { title: `${pp(`notice.${input.kind}`)}（${input.program.name}）` });
}

/** The deliverable each kind of notice goes to (keys of the deliverables register). */
export const NOTICE_DELIVERABLE: Record<NoticeKind, string> = {
  commencement: 'notice-of-commencement',
  'lead-person': 'lead-person',
  'structure-change': 'structure-change',
  completion: 'notice-of-completion',
};
