import fs from 'node:fs';
import type { CliCommand, CliRunContext } from '../../platform/cli/command.js';
import { cliActor, requiredString } from '../../platform/cli/args.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { isIsoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { rotateCtiToken } from './commands/cti.js';
import { isMonth } from './due.js';
import { buildReport, reportPdf, reportXlsx } from './report.js';

async function campaignProgram(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program || program.kind !== 'campaign') throw new CliUsageError(`no campaign program "${slug}"`);
  return program;
}

async function writeReport(ctx: CliRunContext, period: 'daily' | 'monthly', key: string) {
  const program = await campaignProgram(ctx);
  const out = requiredString(ctx, 'out');
  const r = await buildReport(ctx.deps.db, program, period, key);
  const bytes = out.toLowerCase().endsWith('.pdf') ? await reportPdf(r) : await reportXlsx(r);
  fs.writeFileSync(out, bytes);
  ctx.io.out(`${out}: ${r.tally.total} calls (${r.tally.simple} count-only), due ${r.due}\n`);
}

/** The calls module's CLI commands (settings are changed with `program set`). */
export const callsCommands: CliCommand[] = [
  {
    name: 'calls cti-token',
    usage: 'calls cti-token --program SLUG',
    summary: '電話システム連携（CTI）の鍵を発行・再発行し、接続先URLを表示する（以前の鍵は無効になる）',
    options: { program: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const token = await runCommand(ctx.deps, cliActor(ctx), (c) => rotateCtiToken(c, program.id));
      ctx.io.out(`${ctx.deps.config.publicBaseUrl.replace(/\/$/, '')}/api/v1/cti/${token}\n`);
    },
  },
  {
    name: 'calls daily',
    usage: 'calls daily --program SLUG --date YYYY-MM-DD --out FILE.xlsx',
    summary: '問い合わせの日次集計を xlsx（.pdf なら PDF）で書き出す（個人情報なし）',
    options: { program: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const date = requiredString(ctx, 'date');
      if (!isIsoDate(date)) throw new CliUsageError('--date must be YYYY-MM-DD');
      await writeReport(ctx, 'daily', date);
    },
  },
  {
    name: 'calls monthly',
    usage: 'calls monthly --program SLUG --month YYYY-MM --out FILE.xlsx',
    summary: '問い合わせの月次集計（日別の件数つき）を xlsx（.pdf なら PDF）で書き出す（個人情報なし）',
    options: { program: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const month = requiredString(ctx, 'month');
      if (!isMonth(month)) throw new CliUsageError('--month must be YYYY-MM');
      await writeReport(ctx, 'monthly', month);
    },
  },
];
