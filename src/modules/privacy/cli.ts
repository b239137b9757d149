import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { CliCommand, CliRunContext } from '../../platform/cli/command.js';
import { cliActor, optionalString, requiredString } from '../../platform/cli/args.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { runCommand } from '../../platform/command.js';
import { auditKeys, auditKeysFor } from '../../platform/audit/keys.js';
import { resealForRotation } from '../../platform/audit/reseal.js';
import { pdfToBuffer } from '../../platform/pdf/index.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { parseMasterKey } from '../../platform/vault/master-key.js';
import { executeErasure } from './erasure/execute.js';
import { erasurePlan } from './erasure/plan.js';
import { em } from './erasure/messages.js';
import { drawCertificate, drawPlan } from './erasure/pdf.js';
import { privacyErasures } from './schema.js';

async function programOf(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program) throw new CliUsageError(`no program "${slug}"`);
  return program;
}

const dbLabel = (ctx: CliRunContext) => (ctx.deps.database.kind === 'embedded' ? 'PGlite（DATA_DIR）' : 'PostgreSQL');

/** Erasure at contract end: plan, execute, certificate (README: Erasure at contract end). */
export const privacyCommands: CliCommand[] = [
  {
    name: 'erasure plan',
    usage: 'erasure plan --program SLUG [--out FILE.pdf]',
    summary: '事業の個人情報を保持する表・件数を一覧する（データ消去計画書、--out で PDF） (erasure plan)',
    options: { program: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const program = await programOf(ctx);
      const now = ctx.deps.clock.now();
      const plan = await runCommand(ctx.deps, cliActor(ctx), async (c) => {
        c.audit({ action: 'privacy.erasure.planned', programId: program.id, targetType: 'program', targetId: program.id });
        return erasurePlan(c.tx, c.deps, program.id);
      });
      for (const h of plan.holdings) ctx.io.out(`${h.module}\t${h.table}\t${h.rows ?? '-'}\t${h.sealedColumns.join(',')}\n`);
      ctx.io.out(`privacy\tfiles (DATA_DIR/privacy)\t${plan.files.files}\t${plan.files.bytes} bytes\n`);
      ctx.io.out(`core\tmail bodies (mail_outbox)\t${plan.mailBodies}\n`);
      if (!plan.backups.length) ctx.io.out(`backup\tnone recorded\n`);
      for (const b of plan.backups) ctx.io.out(`backup\t${b.id}\t${b.takenAt}\t${b.path}\t${b.sha256}\t${b.holdsKey ? 'holds the program key' : 'no key of the program'}\n`);
      const out = optionalString(ctx, 'out');
      if (out) {
        fs.writeFileSync(out, await pdfToBuffer((doc) => drawPlan(doc, program, plan, now), { title: em('planTitle') }), { mode: 0o600 });
        ctx.io.out(`plan written to ${out}\n`);
      }
    },
  },
  {
    name: 'erasure execute',
    usage: 'erasure execute --program SLUG --confirm SLUG [--new-master-key-stdin]',
    summary: '事業の個人情報を暗号化消去する（データ鍵の破棄、検証つき） (cryptographic erasure)',
    help:
      'Destroys the program data key (every sealed value of the program becomes unreadable), deletes its stored files, purges its\n' +
      'sent-mail bodies (rows kept), lists the recorded backups as covered or not, keeps counts,\n' +
      'money and the audit trail, and verifies by sampling. With --new-master-key-stdin (32 bytes, hex or base64, on standard input)\n' +
      'the other programs keys are re-wrapped under the new master key in the same transaction: destroy the old master key wherever\n' +
      'it is kept, and take a fresh backup; backups taken before then cannot be opened with the new key (the certificate says so).',
    options: { program: { type: 'string' }, confirm: { type: 'string' }, 'new-master-key-stdin': { type: 'boolean' } },
    async run(ctx) {
      const program = await programOf(ctx);
      const confirm = requiredString(ctx, 'confirm');
      const next = ctx.values['new-master-key-stdin'] ? parseMasterKey(await ctx.io.stdin()) : undefined;
      const previousAuditKeys = auditKeys(ctx.deps.vault);
      const { erasure, rewrapped } = await runCommand(ctx.deps, cliActor(ctx), (c) => executeErasure(c, program.id, { confirm, newMasterKey: next }));
      ctx.io.out(`erased ${program.slug}: data key destroyed, ${erasure.purged?.files ?? 0} stored files deleted, ${erasure.purged?.mailBodies ?? 0} mail bodies purged, verification ${erasure.verification.ok ? 'passed' : 'FAILED'}; certificate due ${erasure.certificateDueOn}\n`);
      for (const b of erasure.backups ?? []) if (b.holdsKey) ctx.io.out(`backup ${b.id} (${b.path}): ${b.covered ? 'covered' : 'NOT covered'}\n`);
      if (next) {
        const resealed = await resealForRotation(ctx.deps, cliActor(ctx), previousAuditKeys, auditKeysFor(next.key));
        if (!resealed.ok) ctx.io.err(`audit reseal refused at entry ${resealed.badId}\n`);
        if (!ctx.deps.config.masterKey && ctx.deps.database.kind === 'embedded') {
          // The old key is overwritten, not kept aside: keeping it would keep the erased program readable in old backups.
          const file = path.join(ctx.deps.config.dataDir, 'master.key');
          fs.writeFileSync(file, next.key.toString('base64') + '\n', { mode: 0o600 });
          ctx.io.out(`re-wrapped ${rewrapped} data keys; ${file} replaced. `);
        } else {
          ctx.io.out(`re-wrapped ${rewrapped} data keys under master key ${next.id}; set JIMUKYOKU_MASTER_KEY to it and restart every instance. `);
        }
        ctx.io.out(`Destroy the old master key ${erasure.oldMasterKeyId} wherever it is kept (key files, password managers, copies of the environment), then take a fresh backup.\n`);
      } else {
        ctx.io.out(`the master key was not replaced: backups taken before now still hold the program data key under master key ${erasure.oldMasterKeyId} (the certificate says they are not covered).\n`);
      }
    },
  },
  {
    name: 'erasure certificate',
    usage: 'erasure certificate --program SLUG --out FILE.pdf',
    summary: 'データ消去報告書（NIST SP 800-88 の項目）を PDF で出力する (erasure certificate)',
    options: { program: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const program = await programOf(ctx);
      const out = requiredString(ctx, 'out');
      const now = ctx.deps.clock.now();
      const erasure = await runCommand(ctx.deps, cliActor(ctx), async (c) => {
        const [row] = await c.tx.update(privacyErasures).set({ certificateIssuedAt: now }).where(eq(privacyErasures.programId, program.id)).returning();
        if (!row) throw new CliUsageError(em('errNotErased'));
        c.audit({ action: 'privacy.erasure.certified', programId: program.id, targetType: 'program', targetId: program.id, diff: { dueOn: row.certificateDueOn } });
        return row;
      });
      fs.writeFileSync(out, await pdfToBuffer((doc) => drawCertificate(doc, program, erasure, dbLabel(ctx), now), { title: em('certTitle') }), { mode: 0o600 });
      ctx.io.out(`certificate written to ${out} (due ${erasure.certificateDueOn})\n`);
    },
  },
];
