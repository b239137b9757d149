import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './command.js';
import { cliActor, optionalString, positiveInt, requiredString } from './args.js';
import { CliUsageError } from './io.js';
import { cm } from './messages.js';
import { runCommand } from '../command.js';
import { runMigrations } from '../../db/migrate.js';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, createApiToken, listApiTokens, revokeApiToken, tokenState } from '../auth/api-tokens.js';
import { createUser, findUserByEmail, parseRole } from '../auth/users.js';
import { auditKeys, auditKeysFor } from '../audit/keys.js';
import { aam } from '../audit/messages.js';
import { resealForRotation } from '../audit/reseal.js';
import { findProgramBySlug } from '../programs/queries.js';
import { AppError } from '../errors/index.js';
import { parseMasterKey } from '../vault/master-key.js';
import { recordBackup } from '../vault/backups.js';
import { jobCounts } from '../jobs/queue.js';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../../config/index.js';
import { pgliteDir } from '../../db/client.js';
import { acquireDataDir, currentOwner } from '../../db/data-dir-lock.js';

export const platformCommands: CliCommand[] = [
  {
    name: 'migrate',
    usage: 'migrate',
    summary: cm('migrate.summary'),
    async run(ctx) {
      const { migrationDatabaseUrl, databaseUrl } = ctx.deps.config;
      const granted = await runMigrations(ctx.deps.database, { ownerUrl: migrationDatabaseUrl, appUrl: databaseUrl });
      ctx.io.out(`migrations applied (${ctx.deps.database.kind})${granted ? `; app role ${granted} granted its rights` : ''}\n`);
    },
  },
  {
    name: 'user create',
    usage: 'user create --email E --role R [--program SLUG] [--name N] [--password-stdin]',
    summary: cm('userCreate.summary'),
    help: 'Roles: admin (installation-wide without --program), operator, agent, city, business.\nWithout --password-stdin the user sets a password through the reset link.',
    options: { email: { type: 'string' }, role: { type: 'string' }, program: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    async run(ctx) {
      const role = parseRole(requiredString(ctx, 'role'));
      const slug = optionalString(ctx, 'program');
      let programId: number | null = null;
      if (slug) {
        const program = await findProgramBySlug(ctx.deps.db, slug);
        if (!program) throw new AppError('not-found', cm('errProgramNotFound', { slug }));
        programId = program.id;
      }
      const password = ctx.values['password-stdin'] ? (await ctx.io.stdin()).replace(/\r?\n$/, '') : undefined;
      if (ctx.values['password-stdin'] && !password) throw new CliUsageError('no password on standard input');
      const { user, created } = await runCommand(ctx.deps, cliActor(ctx), (c) =>
        createUser(c, { email: requiredString(ctx, 'email'), role, programId, password, displayName: optionalString(ctx, 'name') }),
      );
      ctx.io.out(`${created ? 'created' : 'updated'} user ${user.email} (id ${user.id}) with role ${role}${slug ? ` in ${slug}` : ''}\n`);
    },
  },
  {
    name: 'token create',
    usage: 'token create --email E [--name N] [--expires-days D]',
    summary: cm('tokenCreate.summary'),
    help: `The token works on /api/v1/ only and expires after D days (default ${API_TOKEN_DEFAULT_DAYS}, at most ${API_TOKEN_MAX_DAYS}).\nA user whose role or program requires two-factor authentication creates their own token on the account page (/account/tokens) after signing in with it.`,
    options: { email: { type: 'string' }, name: { type: 'string' }, 'expires-days': { type: 'string' } },
    async run(ctx) {
      const email = requiredString(ctx, 'email');
      const user = await findUserByEmail(ctx.deps.db, email);
      if (!user) throw new AppError('not-found', cm('errUserNotFound', { email }));
      if (user.status !== 'active') throw new AppError('conflict', cm('errUserDisabled', { email }));
      const expiresDays = positiveInt(optionalString(ctx, 'expires-days'), '--expires-days');
      const t = await runCommand(ctx.deps, cliActor(ctx), (c) => createApiToken(c, { userId: user.id, name: optionalString(ctx, 'name') ?? '', expiresDays }));
      ctx.io.err(`token id ${t.id} for ${user.email}, expires ${t.expiresAt.toISOString()}. It works on /api/v1/ only. Store it now: it is not shown again.\n`);
      ctx.io.out(t.token + '\n');
    },
  },
  {
    name: 'token revoke',
    usage: 'token revoke ID',
    summary: cm('tokenRevoke.summary'),
    async run(ctx) {
      const id = positiveInt(ctx.positionals[0], 'ID');
      if (!id) throw new CliUsageError('give the token id (see token list)');
      await runCommand(ctx.deps, cliActor(ctx), (c) => revokeApiToken(c, id));
      ctx.io.out(`revoked token ${id}\n`);
    },
  },
  {
    name: 'token list',
    usage: 'token list',
    summary: cm('tokenList.summary'),
    help: 'Columns: id, prefix, state, expiry, last use (to the minute; "never" if unused), user, name.',
    async run(ctx) {
      const now = ctx.deps.clock.now();
      const at = (d: Date | null) => (d ? d.toISOString().slice(0, 16) + 'Z' : '-');
      for (const t of await listApiTokens(ctx.deps.db)) {
        const used = t.lastUsedAt ? at(t.lastUsedAt) : 'never';
        ctx.io.out(`${String(t.id).padStart(4)}  ${t.prefix}…  ${tokenState(t, now).padEnd(7)}  expires ${at(t.expiresAt).padEnd(17)}  last used ${used.padEnd(17)}  ${t.email}  ${t.name}\n`);
      }
    },
  },
  {
    name: 'vault rotate-master',
    usage: 'vault rotate-master --new-key-stdin',
    summary: cm('rotateKey.summary'),
    help: 'Reads the new key (32 bytes as hex or base64) from standard input. Afterwards set JIMUKYOKU_MASTER_KEY\n(or, on the embedded default without it, the key file in DATA_DIR is replaced) before the next start.',
    options: { 'new-key-stdin': { type: 'boolean' } },
    async run(ctx) {
      if (!ctx.values['new-key-stdin']) throw new CliUsageError('--new-key-stdin is required');
      const next = parseMasterKey(await ctx.io.stdin());
      const previousAuditKeys = auditKeys(ctx.deps.vault);
      const n = await runCommand(ctx.deps, cliActor(ctx), async (c) => {
        const count = await c.deps.vault.rotateMaster(c.tx, next);
        c.audit({ action: 'platform.vault.master_rotated', diff: { keys: count, masterKeyId: next.id } });
        return count;
      });
      // The audit trail's seals are keyed from the master key: verified under the old, sealed anew.
      const resealed = await resealForRotation(ctx.deps, cliActor(ctx), previousAuditKeys, auditKeysFor(next.key));
      if (resealed.ok) ctx.io.out(aam('resealed', { count: resealed.count }) + '\n');
      else ctx.io.err(aam('resealRefused', { badId: resealed.badId }) + '\n');
      if (!ctx.deps.config.masterKey && ctx.deps.database.kind === 'embedded') {
        const file = path.join(ctx.deps.config.dataDir, 'master.key');
        fs.copyFileSync(file, file + '.previous');
        fs.writeFileSync(file, next.key.toString('base64') + '\n', { mode: 0o600 });
        ctx.io.out(`re-wrapped ${n} data keys; ${file} replaced (old key kept as master.key.previous until you delete it); the server uses the new key from now on, no restart needed.\n`);
      } else {
        ctx.io.out(`re-wrapped ${n} data keys under master key ${next.id}. Set JIMUKYOKU_MASTER_KEY to the new key and restart every running instance (they still hold the old one).\n`);
      }
    },
  },
  {
    name: 'backup',
    usage: 'backup --out FILE.tar.gz',
    summary: cm('backup.summary'),
    options: { out: { type: 'string' } },
    async run(ctx) {
      const out = requiredString(ctx, 'out');
      const pglite = ctx.deps.database.raw.pglite;
      if (!pglite) throw new CliUsageError('on PostgreSQL use pg_dump (see README: Backups)');
      const blob = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await blob.arrayBuffer());
      fs.writeFileSync(out, bytes, { mode: 0o600 });
      // Recorded (path, size, SHA-256, the data keys it holds) so that an erasure lists it and says whether it is covered.
      const record = await recordBackup(ctx.deps.db, ctx.deps.vault, { path: path.resolve(out), bytes, at: ctx.deps.clock.now(), by: cliActor(ctx).label });
      ctx.io.out(`backup written to ${out} (${blob.size} bytes, sha256 ${record.sha256}, recorded as backup ${record.id}). The master key is not in it: back it up separately.\n`);
    },
  },
  {
    name: 'restore',
    usage: 'restore --from FILE.tar.gz',
    summary: cm('restore.summary'),
    help: 'The current DATA_DIR/pglite is kept as pglite.before-restore-<time>. PostgreSQL: use pg_restore.',
    options: { from: { type: 'string' } },
    noDatabase: true,
    async run(ctx) {
      const file = requiredString(ctx, 'from');
      const config = loadConfig();
      if (config.databaseKind !== 'embedded') throw new CliUsageError('on PostgreSQL use pg_restore (see README: Backups)');
      if (currentOwner(config.dataDir)) throw new AppError('conflict', cm('errServerRunning'));
      const release = acquireDataDir(config.dataDir);
      try {
        const dir = pgliteDir(config.dataDir);
        if (fs.existsSync(dir)) {
          const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
          fs.renameSync(dir, aside);
          ctx.io.out(`current database moved to ${aside}\n`);
        }
        fs.mkdirSync(dir, { recursive: true });
        const db = await PGlite.create({ dataDir: `file://${dir}`, loadDataDir: new Blob([fs.readFileSync(file)]), extensions: { pg_trgm } });
        await db.query('select 1');
        await db.close();
        ctx.io.out(`restored ${file} into ${dir}. Start the server with the master key that was in use when the backup was taken.\n`);
      } finally {
        release();
      }
    },
  },
  {
    name: 'jobs status',
    usage: 'jobs status',
    summary: cm('jobs.summary'),
    async run(ctx) {
      const counts = await jobCounts(ctx.deps.db);
      for (const s of ['queued', 'running', 'done', 'failed']) ctx.io.out(`${s.padEnd(8)} ${counts[s] ?? 0}\n`);
    },
  },
];
