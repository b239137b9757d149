import type { Role } from '../../../platform/auth/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { authorizeProgram, requireAuth, requireProgramRole } from '../../../platform/http/guards.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { siteIsOpen } from '../public-dates.js';
import { errorFields, log } from '../../../platform/log/index.js';
import { isDemoInstallation } from '../../../platform/programs/demo-flag.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { slugSchema } from '../../../platform/programs/validators.js';

/** Operators edit content; the City approves it; the installation or program admin may do both. */
export const EDIT_ROLES: Role[] = ['admin', 'operator'];
export const APPROVE_ROLES: Role[] = ['admin', 'city'];
export const READ_ROLES: Role[] = ['admin', 'operator', 'city'];

interface CachedProgram {
  program: Program | undefined;
  /** When the lookup started: the program is current as of then. */
  at: number;
}
const MAX_AGE_MS = 1000;
const cache = new Map<string, CachedProgram>();
/** Lookups under way, shared: when the second expires, 64 open requests wait on one query, not 64. */
const loading = new Map<string, Promise<CachedProgram>>();

function loadProgram(db: Deps['db'], slug: string): Promise<CachedProgram> {
  let p = loading.get(slug);
  if (!p) {
    const at = Date.now();
    p = findProgramBySlug(db, slug)
      .then((program) => {
        const hit = { program, at };
        if (cache.size >= 1000) cache.clear();
        cache.set(slug, hit);
        return hit;
      })
      .finally(() => loading.delete(slug));
    loading.set(slug, p);
  }
  return p;
}

/**
 * The program of `slug` as looked up at most a second ago, without waiting (undefined when there
 * is none that recent); past half a second a lookup starts in the background, so under steady
 * traffic no request waits for it. `null`: the slug names no program (as of that lookup).
 */
export function recentProgram(db: Deps['db'], slug: string): Program | null | undefined {
  const hit = cache.get(slug);
  if (!hit) return undefined;
  const age = Date.now() - hit.at;
  if (age * 2 >= MAX_AGE_MS && !loading.has(slug)) {
    loadProgram(db, slug).catch((err: unknown) => log.warn('program lookup failed', errorFields(err)));
    // The demo flag (cached for seconds) is refreshed alongside, for answers that depend on it.
    isDemoInstallation(db).catch(() => undefined);
  }
  return age < MAX_AGE_MS ? (hit.program ?? null) : undefined;
}

/**
 * The campaign program named by `:slug` for a public page; 404 for anything else. Kept for a
 * second per instance (public pages are read far more often than programs change): a change is
 * shown at most a second later, and only after a quiet spell does a request wait for the lookup.
 */
export async function publicCampaign(c: AppContext): Promise<Program> {
  const slug = c.req.param('slug') ?? '';
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const { db } = c.get('deps');
  let program = recentProgram(db, slug);
  if (program === undefined) program = (await loadProgram(db, slug)).program ?? null;
  if (!program || program.kind !== 'campaign') throw new AppError('not-found');
  if (!isVisibleTo(c, program)) throw new AppError('not-found');
  return program;
}

/**
 * Before its opening day (siteOpensOn) a campaign's site is not there for the public (404); its
 * staff see it as a preview, with a banner (siteHtml), and their pages are never shared.
 */
export function isVisibleTo(c: AppContext, program: Program): boolean {
  if (siteIsOpen(program, tokyoDate(c.get('deps').clock.now()))) return true;
  if (!c.get('auth')) return false;
  try {
    authorizeProgram(requireAuth(c), program, READ_ROLES);
    return true;
  } catch {
    return false;
  }
}

/** The campaign program named by `:slug` for staff holding one of `roles` there (permission first). */
export async function staffCampaign(c: AppContext, roles: Role[]) {
  const found = await requireProgramRole(c, c.req.param('slug') ?? '', roles);
  if (found.program.kind !== 'campaign') throw new AppError('not-found');
  return found;
}
