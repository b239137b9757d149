import { and, eq, isNull, sql } from 'drizzle-orm';
import { oncePer, type Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { grantsJson, grantsOf, mfaRequired, toGrants, type Grant, type GrantRow } from './memberships.js';
import { apiTokens, users, type User } from './schema.js';
import { randomToken, sha256 } from './tokens.js';
import { writeEpoch } from '../write-epoch.js';
import { LruCache } from '../lru.js';
import { authMessages as m } from './web/messages.js';

export const API_TOKEN_PREFIX = 'jmk_';
/** A token lives this long unless its creator asks for less (or more, up to API_TOKEN_MAX_DAYS). */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 366;

/**
 * Creates a token and returns it once; only its hash is kept. Every token expires (by default
 * after 90 days). A user whose role or program requires two-factor authentication gets a token
 * only from their own session that passed it (`mfaVerified`), never from the CLI or another user.
 */
export async function createApiToken(
  ctx: CommandContext,
  input: { userId: number; name: string; expiresDays?: number; mfaVerified?: boolean },
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const days = input.expiresDays ?? API_TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
    throw new AppError('validation-failed', m('ja', 'errTokenDays', { max: API_TOKEN_MAX_DAYS }), { fieldErrors: [{ field: 'expiresDays', message: m('ja', 'errTokenDays', { max: API_TOKEN_MAX_DAYS }) }] });
  }
  const mfaVerified = input.mfaVerified === true;
  if (!mfaVerified && mfaRequired(await grantsOf(ctx.tx, input.userId))) throw new AppError('forbidden', m('ja', 'errTokenNeedsMfa'));
  const token = API_TOKEN_PREFIX + randomToken(32);
  const expiresAt = new Date(ctx.now.getTime() + days * 86_400_000);
  const [row] = await ctx.tx
    .insert(apiTokens)
    .values({ userId: input.userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt, mfaVerified, createdAt: ctx.now })
    .returning({ id: apiTokens.id });
  ctx.audit({ action: 'platform.api_token.created', targetType: 'api_token', targetId: row!.id, diff: { userId: input.userId, name: input.name, expiresAt, mfaVerified } });
  return { id: row!.id, token, expiresAt };
}

/** Revokes a live token; `ownerId` limits it to that user's own tokens (the account page). */
export async function revokeApiToken(ctx: CommandContext, id: number, opts: { ownerId?: number } = {}): Promise<void> {
  const rows = await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: ctx.now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), opts.ownerId === undefined ? undefined : eq(apiTokens.userId, opts.ownerId)))
    .returning({ id: apiTokens.id });
  if (!rows.length) throw new AppError('not-found', m('ja', 'errTokenNotFound', { id }));
  ctx.audit({ action: 'platform.api_token.revoked', targetType: 'api_token', targetId: id });
}

const tokenColumns = {
  id: apiTokens.id,
  email: users.email,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Every token (CLI `token list`), or one user's (the account page); never the tokens themselves. */
export async function listApiTokens(conn: Conn, opts: { userId?: number } = {}) {
  return conn
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(opts.userId === undefined ? undefined : eq(apiTokens.userId, opts.userId))
    .orderBy(apiTokens.id);
}

export type ApiTokenListing = Awaited<ReturnType<typeof listApiTokens>>[number];

export function tokenState(t: Pick<ApiTokenListing, 'revokedAt' | 'expiresAt'>, now: Date): 'active' | 'revoked' | 'expired' {
  return t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active';
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

type TokenAuth = { user: User; grants: Grant[] };

/** Answers kept by token hash (`keep`): with the write epoch and time they were read at, and when the token expires. */
const keptAnswers = oncePer((_: Conn) => new LruCache<{ auth: TokenAuth; epoch: number; readAt: number; expiresAt: number }>(10_000));
const KEEP_MS = 60_000;

/**
 * The user behind a live bearer token and their grants, in one statement (two when
 * `last_used_at` is due): an API client pays this on every request.
 *
 * `keep`: for a database that only this process writes (the embedded one), where every change to
 * a token, user or grant is a command of this process: an answer is kept until any command commits
 * here (the write epoch moves), the token expires, or a minute passes (so `last_used_at` still
 * moves). Never with PostgreSQL, where another instance may revoke the token.
 */
export async function authForApiToken(conn: Conn, token: string, now: Date, opts: { keep?: boolean } = {}): Promise<TokenAuth | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const hash = sha256(token);
  if (!opts.keep) return (await lookUp(conn, hash, now))?.auth ?? null;
  const kept = keptAnswers(conn);
  const known = kept.get(hash);
  const t = now.getTime();
  if (known && known.epoch === writeEpoch() && t - known.readAt < KEEP_MS && t >= known.readAt && t < known.expiresAt) return known.auth;
  const epoch = writeEpoch();
  const found = await lookUp(conn, hash, now);
  if (!found) {
    kept.delete(hash);
    return null;
  }
  kept.set(hash, { auth: found.auth, epoch, readAt: t, expiresAt: found.expiresAt });
  return found.auth;
}

async function lookUp(conn: Conn, hash: string, now: Date): Promise<{ auth: TokenAuth; expiresAt: number } | null> {
  const [row] = await tokenLookup(conn).execute({ hash });
  if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt <= now) || row.user.status !== 'active') return null;
  const grants = toGrants(row.grants);
  // A token issued without the second factor does not act for a user who now owes one.
  if (!row.token.mfaVerified && mfaRequired(grants)) return null;
  // Written at most once a minute, so a busy client does not turn every read into a write.
  if (!row.token.lastUsedAt || row.token.lastUsedAt.getTime() < now.getTime() - 60_000) {
    await conn.execute(
      sql`update api_tokens set last_used_at = ${now.toISOString()} where id = ${row.token.id} and (last_used_at is null or last_used_at < ${new Date(now.getTime() - 60_000).toISOString()})`,
    );
  }
  return { auth: { user: row.user, grants }, expiresAt: row.token.expiresAt?.getTime() ?? Infinity };
}
