import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { CsvFileError, parseCsvObjects, type CsvSource } from '../../../platform/imports/csv.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { claims } from '../schema.js';
import { staySchema } from '../validators.js';
import { reportStay } from './claim-lifecycle.js';
import type { RowError } from './import-claims.js';
import { isId } from '../../../platform/ids.js';

export const STAY_CSV_COLUMNS = ['facilityId', 'bookingRef', 'nights', 'guests', 'totalPrice'] as const;
const MAX_LISTED_ERRORS = 1000;

export interface StayImportResult {
  rows: number;
  reported: number;
  alreadyReported: number;
  /** Discount given back to the allocations because stays came in below the reservation. */
  released: number;
  errors: RowError[];
  errorCount: number;
  committed: boolean;
}

/** Thrown to roll back an all-or-nothing stay import; carries the per-row report. */
export class StaysRejected extends AppError {
  constructor(readonly result: StayImportResult) {
    super('validation-failed', sm('import.rejected', { count: result.errorCount }), {
      fieldErrors: result.errors.map((e) => ({ field: `line${e.line}${e.field ? '.' + e.field : ''}`, message: e.message })),
    });
  }
}

/**
 * Stay reports (実績) from a booking system's CSV, one row per claim, through reportStay (so the
 * same rules as the form and the API: never above the reservation, discount recomputed, the
 * difference released). One transaction; `all` rejects the whole file on any bad row, `valid`
 * reports the good rows and lists the others. reportStay refuses a row before it writes anything,
 * so a refused row leaves nothing behind in `valid` mode either. A row that does not decode cleanly
 * in the file's encoding is refused by its line like any other bad row.
 */
export async function importStays(ctx: CommandContext, program: Program, source: CsvSource, opts: { mode: 'all' | 'valid'; facilityIds?: ReadonlySet<number> }): Promise<StayImportResult> {
  const result: StayImportResult = { rows: 0, reported: 0, alreadyReported: 0, released: 0, errors: [], errorCount: 0, committed: false };
  const fail = (e: RowError) => {
    result.errorCount++;
    if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(e);
  };
  const seen = new Set<string>();
  try {
    for await (const { line, row, unreadable } of parseCsvObjects(source, STAY_CSV_COLUMNS)) {
      result.rows++;
      if (unreadable) {
        fail({ line, message: unreadable });
        continue;
      }
      const facilityId = Number(row.facilityId);
      const bookingRef = (row.bookingRef ?? '').trim();
      const parsed = staySchema.safeParse({ nights: Number(row.nights), guests: Number(row.guests), totalPrice: Number(row.totalPrice) });
      if (!parsed.success) {
        for (const fe of issuesToFieldErrors(parsed.error.issues)) fail({ line, field: fe.field, message: fe.message });
        continue;
      }
      const key = `${facilityId}\u0000${bookingRef}`;
      if (seen.has(key)) {
        fail({ line, field: 'bookingRef', message: sm('import.duplicateInFile', { ref: bookingRef }) });
        continue;
      }
      seen.add(key);
      const [claim] = isId(facilityId) && bookingRef && (!opts.facilityIds || opts.facilityIds.has(facilityId))
        ? await ctx.tx.select().from(claims).where(and(eq(claims.programId, program.id), eq(claims.facilityId, facilityId), eq(claims.bookingRef, bookingRef)))
        : [];
      if (!claim) {
        fail({ line, field: 'bookingRef', message: sm('import.stayClaimNotFound', { facility: String(row.facilityId), ref: bookingRef }) });
        continue;
      }
      const stay = parsed.data;
      if (claim.status === 'stayed' && claim.stay && claim.stay.nights === stay.nights && claim.stay.guests === stay.guests && claim.stay.totalPrice === stay.totalPrice) {
        result.alreadyReported++;
        continue;
      }
      try {
        const updated = await reportStay(ctx, program, claim.id, stay);
        result.reported++;
        result.released += claim.discount - updated.discount;
      } catch (e) {
        if (!isAppError(e) || e.status >= 500) throw e;
        const fields = e.fieldErrors.length ? e.fieldErrors : [{ field: undefined, message: e.message }];
        for (const fe of fields) fail({ line, field: fe.field, message: fe.field ? sm('import.withDetail', { message: e.message, detail: fe.message }) : fe.message });
      }
    }
  } catch (e) {
    if (e instanceof CsvFileError) throw new AppError('validation-failed', e.message, { fieldErrors: [{ field: 'file', message: e.message }] });
    throw e;
  }
  if (opts.mode === 'all' && result.errorCount > 0) throw new StaysRejected(result);
  result.committed = true;
  ctx.audit({ action: 'settlement.stays.imported', programId: program.id, diff: { rows: result.rows, reported: result.reported, alreadyReported: result.alreadyReported, released: result.released, rejected: result.errorCount, mode: opts.mode } });
  return result;
}
