/**
 * The rights of the role the application runs as when the schema belongs to another role (README:
 * two database roles). The app reads and writes every table, but on the audit tables it may only
 * read and append: it cannot UPDATE, DELETE or TRUNCATE them, nor (not being their owner) switch
 * their append-only triggers off or alter them. The append itself runs as the owner (the
 * SECURITY DEFINER functions of migration 0019). Granted by `jimukyoku migrate` when
 * MIGRATION_DATABASE_URL names another role than DATABASE_URL, or by `jimukyoku db grant-app-role`.
 */
export const AUDIT_TABLES = ['audit_log', 'audit_head', 'audit_seals', 'audit_intents'] as const;

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export function isRoleName(name: string): boolean {
  return ROLE_NAME.test(name);
}

/** The statements, in order; run them as the schema's owner. Idempotent. */
export function appRoleGrants(role: string): string[] {
  if (!isRoleName(role)) throw new Error(`not a role name: ${role}`);
  const r = `"${role}"`;
  const audit = AUDIT_TABLES.join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${audit} FROM ${r}`,
    `GRANT SELECT, INSERT ON ${audit} TO ${r}`,
    // Tables a later migration creates are usable at once (audit tables are narrowed by the next grant).
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/** The user name in a postgres:// URL. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
