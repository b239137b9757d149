import type { Hono } from 'hono';
import type { CliCommand } from '../cli/command.js';
import type { AppContext, AppEnv } from '../http/env.js';
import type { Schedule } from '../jobs/schedule.js';
import type { JobHandler } from '../jobs/worker.js';
import type { Program } from '../programs/schema.js';
import type { SettingDef } from '../programs/setting-def.js';
import type { AuditActionCatalog } from '../audit/actions.js';
import type { Role } from '../auth/schema.js';
import type { Deps } from '../deps.js';
import type { Locale } from '../i18n/index.js';
import type { PersonalDataGate } from '../personal-data-gate.js';
import type { CommandContext } from '../command.js';

/**
 * Who may call a route (proved by test/platform/route-permissions.test.ts, which calls every route
 * as every role):
 * - public: anyone, signed in or not.
 * - session: any signed-in user (account pages).
 * - staff: a staff role (admin, operator, agent, city) in some program; businesses get 403.
 * - audit: admin or city; others 403.
 * - installation-admin: the installation-wide admin only; everyone else 403.
 * - program-staff:ROLES: staff of the program named by :slug (or owning the record :id);
 *   staff of other programs get 404, businesses 403.
 */
export type Access = 'public' | 'session' | 'staff' | 'audit' | 'installation-admin' | `program-staff:${string}`;

/** OpenAPI 3.1 path items, keyed by path below `/api/v1`. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/** A program's public top page (`/{slug}` and `/en/{slug}`), for the program kinds a module serves. */
export interface ProgramHome {
  kind: Program['kind'];
  render(c: AppContext, program: Program): Promise<Response>;
  /**
   * What the public list of programs (`/`) shows beside the name: the dates the public cares about
   * (a campaign's period, an event's day), never the contract period. Absent or null: nothing.
   */
  listing?(program: Program, locale: Locale): string | null;
  /** Whether the public may see the program on `today` (YYYY-MM-DD, Asia/Tokyo); absent: always. */
  isPublic?(program: Program, today: string): boolean;
}

/** A link on the back-office home, in the row of each program of the kinds named. */
export interface ProgramTool {
  kinds: Array<Program['kind']>;
  label: string;
  href(program: Program): string;
  /** The program's own entry point on the back-office home (its name links here); the first one wins. */
  main?: boolean;
}

/** One kind of work waiting for someone: counted on the back-office home, listed in the work inbox. */
export interface InboxItem {
  label: string;
  count: number;
  href: string;
  /** Since when the oldest of them has waited (the inbox lists the oldest work first). */
  oldest?: Date | null;
  /** The earliest date by which one of them must be done (YYYY-MM-DD), where the contract sets one. */
  due?: string | null;
}

/**
 * The waiting work a module shows on the back-office home and in the work inbox (/admin/inbox,
 * and the City's 9:00 digest mail), for the program kinds and roles named. Labels and counts only:
 * the digest mails them, so they carry no personal data.
 */
export interface ProgramInbox {
  kinds: Array<Program['kind']>;
  /** The roles (in the program) whose home shows it. */
  roles: Role[];
  /** Counts for this program; items with a count of 0 are not shown. */
  items(deps: Deps, program: Program, roles: Role[]): Promise<InboxItem[]>;
}

/** One figure of a module for a past month, on the monthly progress report (records). */
export interface MonthlyFigure {
  label: string;
  value: string | number;
}

/**
 * A module's figures for `month` (`YYYY-MM`, Asia/Tokyo) of one program, read by the monthly
 * progress report (月次報告書, seed 000 §12(4), 002 §9-3). Counts and sums only, never personal data.
 */
export type MonthlyFigures = (deps: Deps, program: Program, month: string) => Promise<MonthlyFigure[]>;

/** What a module holds of people, for the personal-information inventory (別記 特記仕様書). */
export interface PersonalDataDecl {
  /** Tables holding personal data (sealed through the vault). */
  tables: string[];
  /** 利用目的, in Japanese. */
  purpose: string;
  /** The roles that may see it in clear. */
  roles: Role[];
}

/**
 * What the demo seeder (src/modules/demo/seed.ts) gives each module's `demo` part, on the first
 * start of an empty embedded database: the demo's programs and users, the seeding day, and `on`
 * for work the demo replays as if done on an earlier day (the campaign has been running for weeks).
 */
export interface DemoSeed {
  programs: { campaign: Program; event: Program };
  /** The demo users' ids by role (one user per role). */
  users: Record<Role, number>;
  /** The seeding day, YYYY-MM-DD (Asia/Tokyo). */
  today: string;
  /**
   * The same transaction with `now` set to `day` at `time` (Asia/Tokyo, default 18:00): rows a
   * command dates with `ctx.now` carry that day. Audit entries are still written at the real time.
   */
  on(day: string, time?: string): CommandContext;
}

/**
 * A module's part of the demo, through its own commands and inside the seeder's one transaction.
 * Called in manifest order after the programs and users exist (campaign's facilities before
 * settlement's claims). Fictional data only: `.invalid` addresses, names marked デモ.
 */
export type DemoPart = (ctx: CommandContext, seed: DemoSeed) => Promise<void>;

export interface ModuleRoutes {
  /** Mounted at `/` and again at `/en` (English). */
  public?: Hono<AppEnv>;
  /** Mounted at `/` only (sign-in and other pages that are not per-language). */
  root?: Hono<AppEnv>;
  admin?: Hono<AppEnv>;
  api?: Hono<AppEnv>;
}

/**
 * One module's contributions. Every registry of the installation (CLI, jobs, schedules, settings,
 * Drizzle schema, OpenAPI document, program homes, route-access walk, mounted routes, audit labels)
 * is derived from the list of manifests in src/modules/index.ts.
 */
export interface ModuleManifest {
  name: string;
  /** Its Drizzle tables (for relational queries and drizzle-kit). */
  schema?: Record<string, unknown>;
  routes?: ModuleRoutes;
  cli?: CliCommand[];
  jobs?: Record<string, JobHandler>;
  schedules?: Schedule[];
  settings?: SettingDef[];
  openapi?: OpenApiPaths | ((baseUrl: string) => OpenApiPaths);
  /** Every route the module mounts, `METHOD /full/path` → access class. */
  routeAccess?: Record<string, Access>;
  home?: ProgramHome[];
  /** Links on the back-office home. */
  tools?: ProgramTool[];
  /** Work waiting on the back-office home (審査待ち, 承認待ち…). */
  inbox?: ProgramInbox[];
  auditActions?: AuditActionCatalog;
  personalData?: PersonalDataDecl[];
  /** Its figures for a past month on the monthly progress report (absent: the module has none). */
  monthlyFigures?: MonthlyFigures;
  /** Asked before every audited view or export of a program's personal data (src/platform/personal-data-gate.ts). */
  personalDataGate?: PersonalDataGate;
  /** Its part of the demo installation (absent: none); see DemoPart. */
  demo?: DemoPart;
}

/** Declares a module; the identity function gives the manifest its type where it is written. */
export function defineModule<M extends ModuleManifest>(manifest: M): M {
  return manifest;
}
