import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { findProgramBySlug } from '../../programs/queries.js';
import type { Program } from '../../programs/schema.js';
import { slugSchema } from '../../programs/validators.js';

/** Operators edit content; the City approves it; the installation or program admin may do both. */
export const EDIT_ROLES: Role[] = ['admin', 'operator'];
export const APPROVE_ROLES: Role[] = ['admin', 'city'];
export const READ_ROLES: Role[] = ['admin', 'operator', 'city'];

interface CachedProgram {
  program: Program | undefined;
  at: number;
}
const cache = new Map<string, CachedProgram>();
/** Lookups under way, shared: when the second expires, 64 open requests wait on one query, not 64. */
const loading = new Map<string, Promise<CachedProgram>>();

function loadProgram(c: AppContext, slug: string): Promise<CachedProgram> {
  let p = loading.get(slug);
  if (!p) {
    p = findProgramBySlug(c.get('deps').db, slug)
      .then((program) => {
        const hit = { program, at: Date.now() };
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
 * The campaign program named by `:slug` for a public page; 404 for anything else. Cached for a
 * second per instance (public pages are read far more often than programs change).
 */
export async function publicCampaign(c: AppContext): Promise<Program> {
  const slug = c.req.param('slug') ?? '';
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const now = Date.now();
  let hit = cache.get(slug);
  if (!hit || now - hit.at > 1000) hit = await loadProgram(c, slug);
  if (!hit.program || hit.program.kind !== 'campaign') throw new AppError('not-found');
  return hit.program;
}

/** The campaign program named by `:slug` for staff holding one of `roles` there (permission first). */
export async function staffCampaign(c: AppContext, roles: Role[]) {
  const found = await requireProgramRole(c, c.req.param('slug') ?? '', roles);
  if (found.program.kind !== 'campaign') throw new AppError('not-found');
  return found;
}
