import type { CliCommand } from '../cli/command.js';
import { cliActor, requiredString } from '../cli/args.js';
import { CliUsageError } from '../cli/io.js';
import { runCommand } from '../command.js';
import { createProgram } from './commands/create-program.js';
import { setProgramSettings } from './commands/set-program-settings.js';
import { programCommandMessages as m } from './messages.js';
import { listPrograms } from './queries.js';

export const programCommands: CliCommand[] = [
  {
    name: 'program create',
    usage: 'program create --kind campaign|event --slug S --name N',
    summary: m('ja', 'create.summary'),
    options: { kind: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } },
    async run(ctx) {
      const input = { kind: requiredString(ctx, 'kind'), slug: requiredString(ctx, 'slug'), name: requiredString(ctx, 'name') };
      const program = await runCommand(ctx.deps, cliActor(ctx), (c) => createProgram(c, input));
      ctx.io.out(`created program ${program.slug} (id ${program.id}, ${program.kind})\n`);
    },
  },
  {
    name: 'program list',
    usage: 'program list [--json]',
    summary: m('ja', 'list.summary'),
    options: { json: { type: 'boolean' } },
    async run(ctx) {
      const rows = await listPrograms(ctx.deps.db);
      if (ctx.values.json) {
        ctx.io.out(JSON.stringify(rows.map((p) => ({ id: p.id, slug: p.slug, kind: p.kind, name: p.name, settings: p.settings })), null, 2) + '\n');
        return;
      }
      if (!rows.length) ctx.io.out('no programs\n');
      for (const p of rows) ctx.io.out(`${String(p.id).padStart(4)}  ${p.slug.padEnd(24)} ${p.kind.padEnd(9)} ${p.name}${p.isDemo ? '  [demo]' : ''}\n`);
    },
  },
  {
    name: 'program set',
    usage: 'program set SLUG KEY=VALUE [KEY=VALUE…]',
    summary: m('ja', 'set.summary'),
    help: (modules) => ['Keys:', '  name', ...modules.settings.map((s) => `  ${s.key.padEnd(24)} (${s.kinds.join('/')}) ${s.description}`)].join('\n'),
    async run(ctx) {
      const [slug, ...assignments] = ctx.positionals;
      if (!slug || assignments.length === 0) throw new CliUsageError('give a program slug and at least one KEY=VALUE');
      const pairs = assignments.map((a): [string, string] => {
        const i = a.indexOf('=');
        if (i <= 0) throw new CliUsageError(`"${a}" is not KEY=VALUE`);
        return [a.slice(0, i), a.slice(i + 1)];
      });
      const program = await runCommand(ctx.deps, cliActor(ctx), (c) => setProgramSettings(c, slug, pairs));
      ctx.io.out(`updated ${program.slug}: ${pairs.map(([k]) => k).join(', ')}\n`);
    },
  },
];
