import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { CsvFileError, CsvHeaderError, parseCsvObjects, type CsvSource } from '../../../platform/imports/csv.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import type { Program } from '../../../platform/programs/schema.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { nextRegistrationNumber } from '../numbering.js';
import { programScope } from '../../../platform/vault/index.js';
import { sealAccount } from '../payout-account.js';
import { facilities, facilityPayoutAccounts } from '../schema.js';
import { bankAccountSchema, facilitySchema, type BankAccountInput, type FacilityInput } from '../validators.js';

export const IMPORT_HEADER = ['name', 'nameKana', 'type', 'postalCode', 'address', 'ward', 'phone', 'url', 'rooms', 'features'] as const;
/**
 * The bank account a facility is paid to, named as the application's `bankAccount`: columns a file
 * may leave out (then no facility of it has an account yet). A row gives all five or none; given,
 * they are checked as the application's (bank and branch in the bank master, 7 digits, kana).
 */
export const BANK_COLUMNS = ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'accountHolderKana'] as const;

/** 普通/当座 (and 1/2, as banks number them) read as the application's values. */
const ACCOUNT_TYPES: Record<string, string> = { 普通: 'ordinary', '1': 'ordinary', 当座: 'checking', '2': 'checking' };

export interface ImportRow {
  facility: FacilityInput;
  bank: BankAccountInput | null;
}

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Parses and validates every row; the file is accepted only when every row is good. A row that
 * does not decode cleanly in the file's encoding is one of the bad rows, named by its line.
 */
export async function parseFacilitiesCsv(source: CsvSource, features: readonly string[]): Promise<{ rows: ImportRow[]; problems: ImportProblem[] }> {
  const schema = facilitySchema(features);
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  try {
    for await (const { line, row, unreadable } of parseCsvObjects(source, IMPORT_HEADER)) {
      if (unreadable) {
        problems.push({ line, field: 'encoding', message: unreadable });
        continue;
      }
      const r = schema.safeParse({ ...row, features: row.features ? row.features.split('|') : [] });
      if (!r.success) for (const e of issuesToFieldErrors(r.error.issues)) problems.push({ line, field: e.field.replace(/^features\.\d+$/, 'features'), message: e.message });
      const givesBank = BANK_COLUMNS.some((k) => (row[k] ?? '').trim() !== '');
      const b = givesBank ? bankAccountSchema.safeParse({ ...row, accountType: ACCOUNT_TYPES[(row.accountType ?? '').trim()] ?? (row.accountType ?? '').trim() }) : null;
      if (b && !b.success) for (const e of issuesToFieldErrors(b.error.issues)) problems.push({ line, field: e.field, message: e.message });
      if (r.success && (!b || b.success)) rows.push({ facility: r.data, bank: b?.data ?? null });
    }
  } catch (e) {
    if (e instanceof CsvFileError) problems.push({ line: e.line, field: e instanceof CsvHeaderError ? 'header' : 'file', message: e.message });
    else throw e;
  }
  return { rows, problems };
}

/**
 * Loads already-registered facilities (all or nothing): one bad row refuses the file, with every
 * bad row listed by line. Each facility gets the next registration number and today's date, and
 * the bank account its row gives, sealed in the vault (facility_payout_accounts).
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
    ...r.facility,
    registrationNumber: 'R-' + String(first + i).padStart(6, '0'),
    registeredOn,
    status: 'registered' as const,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
  const box = rows.some((r) => r.bank) ? await ctx.deps.vault.box(ctx.tx, programScope(program.id)) : null;
  let accounts = 0;
  for (let i = 0; i < values.length; i += 500) {
    const ids = await ctx.tx.insert(facilities).values(values.slice(i, i + 500)).returning({ id: facilities.id });
    const sealed = ids.flatMap(({ id }, j) => {
      const bank = rows[i + j]!.bank;
      return bank && box ? [{ facilityId: id, programId: program.id, accountSealed: sealAccount(box, bank), updatedAt: ctx.now }] : [];
    });
    if (sealed.length) await ctx.tx.insert(facilityPayoutAccounts).values(sealed);
    accounts += sealed.length;
  }
  ctx.audit({ action: 'campaign.facilities.imported', programId: program.id, targetType: 'program', targetId: program.id, diff: { rows: rows.length, first: values[0]!.registrationNumber, bankAccounts: accounts } });
  return { imported: rows.length };
}
