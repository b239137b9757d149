import type { CliCommand } from '../../platform/cli/command.js';
import { cliActor, positiveInt, requiredString } from '../../platform/cli/args.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { runCommand, type CommandContext } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';
import { setAllocation } from './commands/budget.js';
import { closeEndedMonth, markBatchPaid } from './commands/close-month.js';
import { ImportRejected, importClaims } from './commands/import-claims.js';
import fs from 'node:fs';
import { exportZenginFile } from './commands/zengin-export.js';
import { StaysRejected, importStays } from './commands/import-stays.js';
import { sm } from './messages.js';
import { csvFromFile, type CsvSource } from '../../platform/imports/csv.js';
import { CSV_ENCODING_HELP, csvEncodingOption } from '../../platform/imports/cli-option.js';
import type { CliRunContext } from '../../platform/cli/command.js';

async function campaignProgram(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program || program.kind !== 'campaign') throw new AppError('not-found', sm('cli.programNotFound', { slug }));
  return program;
}

interface RowReport {
  rows: number;
  errors: Array<{ line: number; field?: string | null; message: string }>;
  errorCount: number;
}

/**
 * Runs a CSV import command on FILE: prints each rejected row, the summary on success, and when
 * the whole file was refused (the default all-or-nothing mode) says that nothing was taken.
 */
async function runCsvImport<R extends RowReport>(
  ctx: CliRunContext,
  importer: (c: CommandContext, program: Program, file: CsvSource, mode: 'all' | 'valid') => Promise<R>,
  rejected: (e: unknown) => R | null,
  summary: (r: R) => string,
  nothingTaken: string,
): Promise<number> {
  const file = ctx.positionals[0];
  if (!file) throw new CliUsageError('give the CSV file');
  const encoding = csvEncodingOption(ctx);
  const program = await campaignProgram(ctx);
  if (!fs.existsSync(file)) throw new AppError('not-found', sm('cli.fileNotFound', { file }));
  const mode = ctx.values['valid-only'] ? 'valid' : 'all';
  const report = (r: R) => {
    for (const e of r.errors) ctx.io.err(`  ${sm('cli.rowError', { line: e.line, field: e.field ? sm('cli.rowError.field', { field: e.field }) : '', message: e.message })}\n`);
    if (r.errorCount > r.errors.length) ctx.io.err(`  ${sm('cli.moreErrors', { count: r.errorCount - r.errors.length })}\n`);
  };
  try {
    const r = await runCommand(ctx.deps, cliActor(ctx), (c) => importer(c, program, csvFromFile(file, encoding), mode));
    report(r);
    ctx.io.out(summary(r));
    return r.errorCount ? 1 : 0;
  } catch (e) {
    const result = rejected(e);
    if (!result) throw e;
    report(result);
    ctx.io.err(`${sm('cli.rejected', { count: result.errorCount, nothing: nothingTaken, rows: result.rows })}\n`);
    return 1;
  }
}

export const settlementCommands: CliCommand[] = [
  {
    name: 'allocation set',
    usage: 'allocation set --program SLUG --facility ID --yen N',
    summary: sm('cli.allocationSet'),
    options: { program: { type: 'string' }, facility: { type: 'string' }, yen: { type: 'string' } },
    async run(ctx) {
      const facilityId = positiveInt(requiredString(ctx, 'facility'), '--facility')!;
      const yenText = requiredString(ctx, 'yen');
      if (!/^\d+$/.test(yenText)) throw new CliUsageError('--yen must be a whole number of yen');
      const program = await campaignProgram(ctx);
      const r = await runCommand(ctx.deps, cliActor(ctx), (c) => setAllocation(c, program, facilityId, Number(yenText)));
      ctx.io.out(`allocation of facility ${facilityId}: ${r.before} → ${r.after} yen\n`);
    },
  },

  {
    name: 'settlement close',
    usage: 'settlement close --program SLUG --month YYYY-MM',
    summary: sm('cli.close'),
    options: { program: { type: 'string' }, month: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const month = requiredString(ctx, 'month');
      const { batch, created } = await runCommand(ctx.deps, cliActor(ctx), (c) => closeEndedMonth(c, program, month));
      ctx.io.out(`${created ? 'closed' : 'already closed'} ${month}: ${batch.claimCount} stays, ${batch.total} yen (batch ${batch.id})\n`);
    },
  },
  {
    name: 'settlement paid',
    usage: 'settlement paid --program SLUG --month YYYY-MM',
    summary: sm('cli.paid'),
    options: { program: { type: 'string' }, month: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const month = requiredString(ctx, 'month');
      const batch = await runCommand(ctx.deps, cliActor(ctx), (c) => markBatchPaid(c, program, month));
      ctx.io.out(`${month} paid: ${batch.total} yen\n`);
    },
  },

  {
    name: 'claims import',
    usage: 'claims import --program SLUG FILE.csv [--valid-only] [--encoding utf-8|shift_jis]',
    summary: sm('cli.claimsImport'),
    help: `Header: facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice.\n--valid-only registers the valid rows and lists the others.\n${CSV_ENCODING_HELP}`,
    options: { program: { type: 'string' }, 'valid-only': { type: 'boolean' }, encoding: { type: 'string' } },
    run: (ctx) =>
      runCsvImport(
        ctx,
        (c, program, file, mode) => importClaims(c, program, file, { mode }),
        (e) => (e instanceof ImportRejected ? e.result : null),
        (r) => `${r.rows} rows: ${r.reserved} reserved (${r.discountTotal} yen), ${r.alreadyRegistered} already registered, ${r.errorCount} rejected\n`,
        sm('cli.nothingRegistered'),
      ),
  },

  {
    name: 'settlement stays import',
    usage: 'settlement stays import --program SLUG FILE.csv [--valid-only] [--encoding utf-8|shift_jis]',
    summary: sm('cli.staysImport'),
    help: `Header: facilityId,bookingRef,nights,guests,totalPrice; each value at most what was reserved.\n--valid-only reports the valid rows and lists the others.\n${CSV_ENCODING_HELP}`,
    options: { program: { type: 'string' }, 'valid-only': { type: 'boolean' }, encoding: { type: 'string' } },
    run: (ctx) =>
      runCsvImport(
        ctx,
        (c, program, file, mode) => importStays(c, program, file, { mode }),
        (e) => (e instanceof StaysRejected ? e.result : null),
        (r) => `${r.rows} rows: ${r.reported} stays reported (${r.released} yen released), ${r.alreadyReported} already reported, ${r.errorCount} rejected\n`,
        sm('cli.nothingReported'),
      ),
  },

  {
    name: 'settlement zengin',
    usage: 'settlement zengin --program SLUG --month YYYY-MM --transfer-date YYYY-MM-DD --out FILE',
    summary: sm('cli.zengin'),
    options: { program: { type: 'string' }, month: { type: 'string' }, 'transfer-date': { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const month = requiredString(ctx, 'month');
      const out = requiredString(ctx, 'out');
      const r = await runCommand(ctx.deps, cliActor(ctx), (c) => exportZenginFile(c, program, month, requiredString(ctx, 'transfer-date')));
      fs.writeFileSync(out, r.file, { mode: 0o600 });
      ctx.io.out(`${out}: ${r.transfers} transfers, ${r.total} yen\n`);
    },
  },
];
