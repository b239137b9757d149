import { and, eq, isNull, sql } from 'drizzle-orm';
import { oncePer, type Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { grantsJson, toGrants, type Grant, type GrantRow } from './memberships.js';
import { apiTokens, users, type User } from './schema.js';
import { randomToken, sha256 } from './tokens.js';
import { authMessages as m } from './web/messages.js';

export const API_TOKEN_PREFIX = 'jmk_';

/** Creates a token and returns it once; only its hash is kept. */
export async function createApiToken(
  ctx: CommandContext,
  input: { userId: number; name: string; expiresDays?: number },
): Promise<{ id: number; token: string; expiresAt: Date | null }> {
  const token = API_TOKEN_PREFIX + randomToken(32);
  const expiresAt = input.expiresDays ? new Date(ctx.now.getTime() + input.expiresDays * 86_400_000) : null;
  const [row] = await ctx.tx
    .insert(apiTokens)
    .values({ userId: input.userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt, createdAt: ctx.now })
    .returning({ id: apiTokens.id });
  ctx.audit({ action: 'platform.api_token.created', targetType: 'api_token', targetId: row!.id, diff: { userId: input.userId, name: input.name, expiresAt } });
  return { id: row!.id, token, expiresAt };
}

export async function revokeApiToken(ctx: CommandContext, id: number): Promise<void> {
  const rows = await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: ctx.now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!rows.length) throw new AppError('not-found', m('ja', 'errTokenNotFound', { id }));
  ctx.audit({ action: 'platform.api_token.revoked', targetType: 'api_token', targetId: id });
}

export async function listApiTokens(conn: Conn) {
  return conn
    .select({ id: apiTokens.id, email: users.email, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(apiTokens.id);
}

/** The user behind a bearer token, if the token is live. */
export async function userForApiToken(conn: Conn, token: string, now: Date): Promise<User | null> {
  return (await authForApiToken(conn, token, now))?.user ?? null;
}

/** Built once per connection handle and prepared by name: an API client pays this query on every request. */
const tokenLookup = oncePer((conn: Conn) =>
  conn
    .select({ user: users, token: apiTokens, grants: sql<GrantRow[]>`${grantsJson(sql`${users.id}`)}` })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare('auth_api_token'),
);

/**
 * The user behind a live bearer token and their grants, in one statement (two when
 * `last_used_at` is due): an API client pays this on every request.
 */
export async function authForApiToken(conn: Conn, token: string, now: Date): Promise<{ user: User; grants: Grant[] } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await tokenLookup(conn).execute({ hash: sha256(token) });
  if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt <= now) || row.user.status !== 'active') return null;
  // Written at most once a minute, so a busy client does not turn every read into a write.
  if (!row.token.lastUsedAt || row.token.lastUsedAt.getTime() < now.getTime() - 60_000) {
    await conn.execute(
      sql`update api_tokens set last_used_at = ${now.toISOString()} where id = ${row.token.id} and (last_used_at is null or last_used_at < ${new Date(now.getTime() - 60_000).toISOString()})`,
    );
  }
  return { user: row.user, grants: toGrants(row.grants) };
}
