import fs from 'node:fs';
import type { CliCommand, CliRunContext } from '../../platform/cli/command.js';
import { cliActor, requiredString } from '../../platform/cli/args.js';
import { CSV_ENCODING_HELP, csvEncodingOption } from '../../platform/imports/cli-option.js';
import { csvFromFile } from '../../platform/imports/csv.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { runCommand } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { importFacilities } from './commands/import-facilities.js';
import { reopenApplications } from './commands/reopen-applications.js';
import { cm } from './messages.js';

async function campaignProgram(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program || program.kind !== 'campaign') throw new AppError('not-found', cm('errNoCampaign', { slug }));
  return program;
}

/** The campaign module's CLI commands. */
export const campaignCommands: CliCommand[] = [
  {
    name: 'facilities import',
    usage: 'facilities import --program SLUG FILE.csv [--encoding utf-8|shift_jis]',
    summary: '登録済み施設を CSV から取り込む（1行でも誤りがあれば全体を取り込まない）',
    help:
      'Header: name,nameKana,type,postalCode,address,ward,phone,url,rooms,features,bankCode,branchCode,accountType,accountNumber,accountHolderKana\n' +
      '(features separated by |). An optional nameEn column gives the English name (Latin letters; English pages show it, else the reading romanised). The five bank columns may be left out, or left empty in a row: that facility has no account to be paid to yet.\n' +
      'Given, they are checked as in the application: bankCode/branchCode in the bank master (zengin-code), accountType ordinary|checking (普通|当座),\n' +
      `accountNumber 7 digits, accountHolderKana in kana (stored as half-width kana).\n${CSV_ENCODING_HELP}`,
    options: { program: { type: 'string' }, encoding: { type: 'string' } },
    async run(ctx) {
      const file = ctx.positionals[0];
      if (!file) throw new CliUsageError('give the CSV file');
      const encoding = csvEncodingOption(ctx);
      const program = await campaignProgram(ctx);
      if (!fs.existsSync(file)) throw new AppError('not-found', cm('errCsvFileNotFound', { file }));
      // A refused file exits 1 with every bad row listed (line N: field: message) by the CLI runner.
      const { imported } = await runCommand(ctx.deps, cliActor(ctx), (c) => importFacilities(c, program, csvFromFile(file, encoding)));
      ctx.io.out(`imported ${imported} facilities into ${program.slug}\n`);
    },
  },
  {
    name: 'campaign reopen',
    usage: 'campaign reopen --program SLUG --until YYYY-MM-DD --reason TEXT',
    summary: '参加申請の受付を理由を付けて再開する（--until "" で取り消し）',
    options: { program: { type: 'string' }, until: { type: 'string' }, reason: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const until = typeof ctx.values.until === 'string' ? ctx.values.until : '';
      await runCommand(ctx.deps, cliActor(ctx), (c) => reopenApplications(c, program.id, until, String(ctx.values.reason ?? '')));
      ctx.io.out(until ? `applications of ${program.slug} re-opened until ${until}\n` : `re-opening of ${program.slug} withdrawn\n`);
    },
  },
];
