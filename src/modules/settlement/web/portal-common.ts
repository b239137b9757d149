import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { facilitiesForUser, findClaim } from '../queries.js';
import type { Claim } from '../schema.js';
import { idParam } from '../../../platform/http/params.js';
import { MAX_BIG_ID } from '../../../platform/ids.js';

/** A business user in a campaign program, with the facilities it may act for. */
export async function portalContext(c: AppContext) {
  const ctx = await requireProgramRole(c, c.req.param('slug')!, ['business']);
  if (ctx.program.kind !== 'campaign') throw new AppError('not-found');
  const facilities = await facilitiesForUser(c.get('deps').db, ctx.program.id, ctx.auth.user.id);
  return { ...ctx, facilities, base: `/${ctx.program.slug}/business/claims` };
}

/** A claim of one of the business's own facilities; anything else is 404. */
export async function ownClaim(c: AppContext, p: Awaited<ReturnType<typeof portalContext>>): Promise<Claim> {
  const claim = await findClaim(c.get('deps').db, idParam(c, 'id', MAX_BIG_ID));
  if (!claim || claim.programId !== p.program.id || !p.facilities.some((f) => f.id === claim.facilityId)) throw new AppError('not-found');
  return claim;
}

/** A CSV download with a BOM (so Excel reads UTF-8) under a Japanese file name. */
export function csvDownload(c: AppContext, lines: string[], asciiName: string, japaneseName: string): Response {
  return c.body('\uFEFF' + lines.join('\r\n') + '\r\n', 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(japaneseName)}`,
  });
}
