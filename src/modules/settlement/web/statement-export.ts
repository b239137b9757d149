import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { runAs } from '../../../platform/http/run-as.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { monthlyLines, statementLines, type StatementLine } from '../reports.js';
import { drawStatement } from './statement-pdf.js';

/**
 * The payment statement (支払明細書) of one facility for one closed month, as PDF or xlsx, for the
 * back office and for the business itself (the caller checks who may see which facility). Each
 * download is audited; a month or facility without a statement line is 404 and audits nothing.
 */

const STATEMENT_COLUMNS = (name: string, month: string): Column<StatementLine>[] => [
  { header: sm('term.facilityName'), value: () => name },
  { header: sm('term.month'), value: () => month },
  { header: sm('term.bookingRef'), value: (r) => r.bookingRef },
  { header: sm('term.checkIn'), value: (r) => r.checkIn },
  { header: sm('term.checkOut'), value: (r) => r.checkOut },
  { header: sm('term.nights'), value: (r) => r.nights, kind: 'int' },
  { header: sm('term.guests'), value: (r) => r.guests, kind: 'int' },
  { header: sm('export.statement.price'), value: (r) => r.totalPrice, kind: 'yen' },
  { header: sm('export.statement.amount'), value: (r) => r.discount, kind: 'yen' },
];

export async function statementPdf(c: AppContext, program: Program, role: Role | null, month: string, facilityId: number): Promise<Response> {
  const line = await runAs(c, role, async (ctx) => {
    const found = (await monthlyLines(ctx.tx, program.id, month)).find((l) => l.facilityId === facilityId);
    if (found) ctx.audit({ action: 'settlement.statement.printed', programId: program.id, targetType: 'facility', targetId: facilityId, diff: { month } });
    return found;
  });
  if (!line) throw new AppError('not-found');
  return pdfResponse(sm('export.statement.file', { month, facility: facilityId }), (doc) => drawStatement(doc, program.name, line), { title: sm('export.statement.title', { month }) });
}

export async function statementXlsx(c: AppContext, program: Program, role: Role | null, month: string, facilityId: number): Promise<Response> {
  const result = await runAs(c, role, async (ctx) => {
    const line = (await monthlyLines(ctx.tx, program.id, month)).find((l) => l.facilityId === facilityId);
    if (!line) return null;
    ctx.audit({ action: 'settlement.statement.exported', programId: program.id, targetType: 'facility', targetId: facilityId, diff: { month, format: 'xlsx' } });
    return { line, rows: await statementLines(ctx.tx, program.id, month, facilityId) };
  });
  if (!result) throw new AppError('not-found');
  const total: StatementLine = { bookingRef: sm('export.statement.total'), checkIn: '', checkOut: '', nights: result.line.nights, guests: result.line.guests, totalPrice: result.rows.reduce((a, r) => a + r.totalPrice, 0), discount: result.line.amount };
  return exportResponse('xlsx', sm('export.statement.file', { month, facility: facilityId }), [...result.rows, total], STATEMENT_COLUMNS(result.line.name, month), sm('export.statement.sheet'));
}
