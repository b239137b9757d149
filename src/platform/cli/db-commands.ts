import type { CliCommand } from './command.js';
import { CliUsageError } from './io.js';
import { grantAppRole } from '../../db/migrate.js';
import { isRoleName } from '../../db/roles.js';
import { cm } from './messages.js';

/** `db grant-app-role ROLE`: the two-role PostgreSQL deployment (README: Security). */
export const dbCommands: CliCommand[] = [
  {
    name: 'db grant-app-role',
    usage: 'db grant-app-role ROLE',
    summary: cm('grantAppRole.summary'),
    help:
      'Run with MIGRATION_DATABASE_URL (or DATABASE_URL) naming the role that owns the schema. ROLE may then\n' +
      'read and write every table but only read and append to the audit tables (audit_log, audit_head,\n' +
      'audit_seals, audit_intents). `jimukyoku migrate` does this by itself when MIGRATION_DATABASE_URL and\n' +
      'DATABASE_URL name different roles. The same statements: docs/postgres-roles.sql.',
    async run(ctx) {
      const role = ctx.positionals[0];
      if (!role || !isRoleName(role)) throw new CliUsageError('give the app role (a PostgreSQL role name)');
      const ownerUrl = ctx.deps.config.migrationDatabaseUrl ?? ctx.deps.config.databaseUrl;
      if (!ownerUrl) throw new CliUsageError('PostgreSQL only: set MIGRATION_DATABASE_URL (the schema owner) or DATABASE_URL');
      await grantAppRole(ownerUrl, role);
      ctx.io.out(`granted ${role}: every table read/write; audit tables read and append only\n`);
    },
  },
];
