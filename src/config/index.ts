import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CLOSED_RANGES } from '../platform/calendar/index.js';
import { parseClosedDays, type ClosedDays } from './closed-days.js';

/** Every environment variable the product reads, parsed once. Documented in README.md. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'MIGRATION_DATABASE_URL must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  AUDIT_ANCHOR_DIR: z.string().optional().or(z.literal('').transform(() => undefined)),
  FILE_STORE_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'FILE_STORE_S3_BUCKET must be an S3 bucket name').optional().or(z.literal('').transform(() => undefined)),
  FILE_STORE_S3_ENDPOINT: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  FILE_STORE_S3_REGION: z.string().default('ap-northeast-1'),
  FILE_STORE_S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'FILE_STORE_S3_PREFIX must be empty or end with /').default(''),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  SMTP_URL: z.string().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('jimukyoku <no-reply@localhost>'),
  JIMUKYOKU_MASTER_KEY: z.string().optional().or(z.literal('').transform(() => undefined)),
  JIMUKYOKU_ADMIN_EMAIL: z.string().email().optional().or(z.literal('').transform(() => undefined)),
  JIMUKYOKU_ADMIN_PASSWORD: z.string().optional().or(z.literal('').transform(() => undefined)),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  MAX_IN_FLIGHT_PER_CLIENT: z.coerce.number().int().min(0).default(64),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(50).default(5_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(50).default(10_000),
  DATABASE_WAIT_MS: z.coerce.number().int().min(100).default(5_000),
  DATABASE_READ_URL: z.string().optional().or(z.literal('').transform(() => undefined)),
  READ_MAX_LAG_MS: z.coerce.number().int().min(0).default(2_000),
  SHED_LAG_MS: z.coerce.number().int().min(0).default(1000),
  PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(65536).default(256),
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional().or(z.literal('').transform(() => undefined)),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional().or(z.literal('').transform(() => undefined)),
  METRICS_HOST: z.string().default('127.0.0.1'),
  DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  WORKER: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(32).default(1),
  CALENDAR_CLOSED_DAYS: z
    .string()
    .optional()
    .transform((v, ctx): ClosedDays => {
      if (v === undefined || v.trim() === '') return { ranges: [...DEFAULT_CLOSED_RANGES], dates: [] };
      const parsed = parseClosedDays(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
});

/** The names of every environment variable read (README.md documents each). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseKind: 'embedded' | 'postgres';
  poolSize: number;
  /**
   * PostgreSQL: the role that owns the schema, used only to apply migrations (at start and by
   * `jimukyoku migrate`) and to grant the app role its rights; the app itself connects with
   * DATABASE_URL, a role that cannot alter or rewrite the audit tables. Unset: DATABASE_URL does both.
   */
  migrationDatabaseUrl: string | undefined;
  /** Where the daily signed audit anchors are written (default DATA_DIR/audit-anchors). */
  auditAnchorDir: string;
  /** Where uploaded files live: DATA_DIR (default) or an S3-compatible bucket shared by several instances. */
  fileStore: { kind: 'local' } | { kind: 's3'; bucket: string; endpoint: string | undefined; region: string; prefix: string };
  publicBaseUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  masterKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  maxBodyBytes: number;
  maxUploadBytes: number;
  maxInFlight: number;
  /** Open requests per client address (as clientAddress reads it) before its next ones are shed; 0: no cap. */
  maxInFlightPerClient: number;
  /** A request's headers must arrive within this (else 408). */
  headersTimeoutMs: number;
  /** A request's body must arrive within this after its headers, plus a second per 64 KiB received (else 408). */
  requestTimeoutMs: number;
  /** The longest a request waits for the database (a pooled connection, or its turn on the embedded one) before 503. */
  databaseWaitMs: number;
  /** A streaming replica for reads that may be a moment old (PostgreSQL only). */
  databaseReadUrl: string | undefined;
  /** Replica replay lag above which those reads go to the primary. */
  readMaxLagMs: number;
  /** Event-loop lag (p99, ms) above which a busy instance sheds load; 0 turns that off. */
  shedLagMs: number;
  /** Bytes of shared public answers (search page and API) kept per instance in front of the app; 0 turns that off. */
  publicCacheBytes: number;
  /** Bearer token for `/metrics` on the app's port; absent: `/metrics` is 404 there. */
  metricsToken: string | undefined;
  /** A separate port (on metricsHost) serving `/metrics` without a token; absent: none. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** After SIGTERM, how long `/readyz` answers 503 while requests are still served, before the listener closes. */
  drainMs: number;
  worker: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  trustProxy: boolean;
  /** Trusted proxies in front of the app: the client is the X-Forwarded-For entry this many from the right. */
  trustedProxyHops: number;
  /** The office's closed days besides weekends and public holidays (default 12-29..01-03). */
  closedDays: ClosedDays;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseKind: e.DATABASE_URL ? 'postgres' : 'embedded',
    poolSize: e.DATABASE_POOL_SIZE,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    auditAnchorDir: path.resolve(e.AUDIT_ANCHOR_DIR ?? path.join(e.DATA_DIR, 'audit-anchors')),
    fileStore: e.FILE_STORE_S3_BUCKET ? { kind: 's3', bucket: e.FILE_STORE_S3_BUCKET, endpoint: e.FILE_STORE_S3_ENDPOINT, region: e.FILE_STORE_S3_REGION, prefix: e.FILE_STORE_S3_PREFIX } : { kind: 'local' },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    secureCookies: e.PUBLIC_BASE_URL.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    masterKey: e.JIMUKYOKU_MASTER_KEY,
    adminEmail: e.JIMUKYOKU_ADMIN_EMAIL,
    adminPassword: e.JIMUKYOKU_ADMIN_PASSWORD,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxInFlight: e.MAX_IN_FLIGHT,
    maxInFlightPerClient: e.MAX_IN_FLIGHT_PER_CLIENT,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    databaseWaitMs: e.DATABASE_WAIT_MS,
    databaseReadUrl: e.DATABASE_URL ? e.DATABASE_READ_URL : undefined,
    readMaxLagMs: e.READ_MAX_LAG_MS,
    shedLagMs: e.SHED_LAG_MS,
    publicCacheBytes: e.PUBLIC_CACHE_MB * 1024 * 1024,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    drainMs: e.DRAIN_MS,
    worker: e.WORKER === 'on',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    closedDays: e.CALENDAR_CLOSED_DAYS,
  };
}
