import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { CsvFileError, CsvHeaderError, parseCsvObjects, type CsvSource } from '../../../platform/imports/csv.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import type { Program } from '../../../platform/programs/schema.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { nextRegistrationNumber } from '../numbering.js';
import { facilities } from '../schema.js';
import { facilitySchema, type FacilityInput } from '../validators.js';

export const IMPORT_HEADER = ['name', 'nameKana', 'type', 'postalCode', 'address', 'ward', 'phone', 'url', 'rooms', 'features'] as const;

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Parses and validates every row; the file is accepted only when every row is good. A row that
 * does not decode cleanly in the file's encoding is one of the bad rows, named by its line.
 */
export async function parseFacilitiesCsv(source: CsvSource, features: readonly string[]): Promise<{ rows: FacilityInput[]; problems: ImportProblem[] }> {
  const schema = facilitySchema(features);
  const rows: FacilityInput[] = [];
  const problems: ImportProblem[] = [];
  try {
    for await (const { line, row, unreadable } of parseCsvObjects(source, IMPORT_HEADER)) {
      if (unreadable) {
        problems.push({ line, field: 'encoding', message: unreadable });
        continue;
      }
      const r = schema.safeParse({ ...row, features: row.features ? row.features.split('|') : [] });
      if (r.success) rows.push(r.data);
      else for (const e of issuesToFieldErrors(r.error.issues)) problems.push({ line, field: e.field.replace(/^features\.\d+$/, 'features'), message: e.message });
    }
  } catch (e) {
    if (e instanceof CsvFileError) problems.push({ line: e.line, field: e instanceof CsvHeaderError ? 'header' : 'file', message: e.message });
    else throw e;
  }
  return { rows, problems };
}

/**
 * Loads already-registered facilities (all or nothing): one bad row refuses the file, with every
 * bad row listed by line. Each facility gets the next registration number and today's date.
 */
export async function importFacilities(ctx: CommandContext, program: Program, source: CsvSource): Promise<{ imported: number }> {
  const { rows, problems } = await parseFacilitiesCsv(source, campaignConfig(program).features);
  if (problems.length) {
    throw new AppError('validation-failed', cm('errCsv'), {
      fieldErrors: problems.map((p) => ({ field: `line ${p.line}: ${p.field}`, message: p.message })),
    });
  }
  if (rows.length === 0) throw new AppError('validation-failed', cm('errCsvEmpty'));
  const first = Number((await nextRegistrationNumber(ctx.tx, program.id)).slice(2));
  const registeredOn = tokyoDate(ctx.now);
  const values = rows.map((r, i) => ({
    programId: program.id,
    ...r,
    registrationNumber: 'R-' + String(first + i).padStart(6, '0'),
    registeredOn,
    status: 'registered' as const,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
  for (let i = 0; i < values.length; i += 500) await ctx.tx.insert(facilities).values(values.slice(i, i + 500));
  ctx.audit({ action: 'campaign.facilities.imported', programId: program.id, targetType: 'program', targetId: program.id, diff: { rows: rows.length, first: values[0]!.registrationNumber } });
  return { imported: rows.length };
}
