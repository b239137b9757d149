import fs from 'node:fs';
import { cliActor, requiredString } from '../../platform/cli/args.js';
import type { CliCommand, CliRunContext } from '../../platform/cli/command.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { runCommand } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { commitLottery, drawLottery, verifyLottery } from './commands/lottery.js';
import { saveQuestionnaire } from './commands/save-questionnaire.js';
import { sam } from './messages.js';

async function surveyProgram(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program) throw new CliUsageError(`no program "${slug}"`);
  return program;
}

function count(ctx: CliRunContext, name: string, min: number): number {
  const v = ctx.values[name];
  if (v === undefined) {
    if (min === 0) return 0;
    throw new CliUsageError(`--${name} is required`);
  }
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < min || Number(v) > 100_000) throw new CliUsageError(`--${name} must be a whole number from ${min}`);
  return Number(v);
}

/** The surveys module's CLI commands. */
export const surveysCommands: CliCommand[] = [
  {
    name: 'survey import',
    usage: 'survey import --program SLUG FILE.json',
    summary: 'アンケートの調査票を JSON から登録する（市の承認待ちの下書きになる。回答済みの版は変えず次の版を作る）',
    help: 'FILE.json: { "title", "titleEn"?, "questions": [{ "id", "type": "single"|"multi"|"scale"|"number"|"text"|"heading", "label", "labelEn"?, "options"?: [{ "value", "label", "labelEn"? }], "required"? }] }',
    options: { program: { type: 'string' } },
    async run(ctx) {
      const file = ctx.positionals[0];
      if (!file) throw new CliUsageError('give the JSON file');
      const program = await surveyProgram(ctx);
      if (!fs.existsSync(file)) throw new CliUsageError(`no file ${file}`);
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        throw new AppError('validation-failed', sam('val.json'));
      }
      const q = await runCommand(ctx.deps, cliActor(ctx), (c) => saveQuestionnaire(c, program.id, data));
      ctx.io.out(`questionnaire version ${q.version} of ${program.slug} saved as a draft (${q.questions.length} questions); the City approves it\n`);
    },
  },
  {
    name: 'lottery commit',
    usage: 'lottery commit --program SLUG',
    summary: 'プレゼント抽選の乱数を固定し、その SHA-256 を公開する（応募の締切前に）',
    options: { program: { type: 'string' } },
    async run(ctx) {
      const program = await surveyProgram(ctx);
      const l = await runCommand(ctx.deps, cliActor(ctx), (c) => commitLottery(c, program.id));
      ctx.io.out(`seed committed; SHA-256 ${l.seedHash}\n`);
    },
  },
  {
    name: 'lottery draw',
    usage: 'lottery draw --program SLUG --winners N --alternates M',
    summary: 'プレゼント抽選を行う（応募者一覧を固定しハッシュを記録、乱数を公開、当選者と補欠を決める）',
    options: { program: { type: 'string' }, winners: { type: 'string' }, alternates: { type: 'string' } },
    async run(ctx) {
      const program = await surveyProgram(ctx);
      const winners = count(ctx, 'winners', 1);
      const alternates = count(ctx, 'alternates', 0);
      const l = await runCommand(ctx.deps, cliActor(ctx), (c) => drawLottery(c, program.id, winners, alternates));
      const order = l.drawnOrder ?? [];
      ctx.io.out(`entries ${l.entryCount} (list SHA-256 ${l.entryListHash})\nseed ${l.seed}\nwinners (entry no.): ${order.slice(0, winners).join(', ')}\nalternates: ${order.slice(winners).join(', ') || '-'}\n`);
    },
  },
  {
    name: 'lottery verify',
    usage: 'lottery verify --program SLUG',
    summary: 'プレゼント抽選を公開の手順でやり直し、記録と一致すれば 0 で終わる',
    options: { program: { type: 'string' } },
    async run(ctx) {
      const program = await surveyProgram(ctx);
      const v = await verifyLottery(ctx.deps.db, program.id);
      if (v.ok) {
        ctx.io.out('the draw matches: seed, entry list and order recomputed\n');
        return 0;
      }
      ctx.io.err(`the draw does NOT match:\n${v.problems.map((p) => `- ${p}`).join('\n')}\n`);
      return 1;
    },
  },
];
