import { tokyoDate } from '../../../../platform/calendar/index.js';
import type { CommandContext } from '../../../../platform/command.js';
import { AppError } from '../../../../platform/errors/index.js';
import { lockProgram } from '../../../../platform/programs/queries.js';
import { attachGeneratedVersion } from '../../../deliverables/index.js';
import { pp } from '../messages.js';
import { NOTICE_KINDS, recordsNotices, type NoticeKind } from '../schema.js';
import { missingFields, NOTICE_DELIVERABLE, renderNotice, type NoticeInput } from './pdf.js';
import { currentStructure, structureFingerprint } from './structure.js';

export function parseNoticeKind(text: string | undefined): NoticeKind {
  if (!NOTICE_KINDS.includes(text as NoticeKind)) throw new AppError('validation-failed', pp('err.kind'), { fieldErrors: [{ field: 'kind', message: pp('err.kind') }] });
  return text as NoticeKind;
}

/** The notice's data read in the transaction (program locked against a concurrent settings change). */
async function noticeInput(ctx: CommandContext, programId: number, kind: NoticeKind): Promise<NoticeInput> {
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const input: NoticeInput = { kind, program, structure: await currentStructure(ctx.tx, program), issuedOn: tokyoDate(ctx.now) };
  const missing = missingFields(input);
  if (missing.length) throw new AppError('validation-failed', pp('err.incomplete', { kind: pp(`notice.${kind}`), fields: missing.join('、') }));
  return input;
}

/** Renders a notice to look at (it names the staff: an audited export of the roster). */
export async function viewNotice(ctx: CommandContext, programId: number, kind: NoticeKind): Promise<{ bytes: Buffer; filename: string }> {
  const input = await noticeInput(ctx, programId, kind);
  const bytes = await renderNotice(input);
  ctx.audit({ action: 'records.notice.viewed', programId, targetType: 'records_notice', targetId: kind });
  return { bytes, filename: pp(`notice.${kind}`) };
}

/**
 * Issues a notice: renders it from the data as it stands, records it as the next version of its
 * deliverable (the City's proof and delivery flow) and remembers the structure it stated.
 */
export async function issueNotice(ctx: CommandContext, programId: number, kind: NoticeKind) {
  const input = await noticeInput(ctx, programId, kind);
  const bytes = await renderNotice(input);
  const title = pp(`notice.${kind}`);
  const attached = await attachGeneratedVersion(ctx, {
    programId,
    key: NOTICE_DELIVERABLE[kind],
    filename: `${title}.pdf`,
    bytes,
    note: `${title}（${input.issuedOn}）`,
    title,
  });
  const [row] = await ctx.tx
    .insert(recordsNotices)
    .values({ programId, kind, issuedOn: input.issuedOn, fingerprint: structureFingerprint(input.structure), versionNumber: attached.version, createdAt: ctx.now, createdBy: ctx.actor.userId })
    .returning();
  ctx.audit({ action: 'records.notice.issued', programId, targetType: 'records_notice', targetId: row!.id, diff: { kind, deliverable: NOTICE_DELIVERABLE[kind], version: attached.version } });
  return { notice: row!, ...attached };
}
