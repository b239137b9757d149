import type { Role } from '../../../../platform/auth/schema.js';
import { contentDisposition } from '../../../../platform/exports/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { AppContext } from '../../../../platform/http/env.js';
import { requireAuth, requireProgramRoleById } from '../../../../platform/http/guards.js';
import { idParam } from '../../../../platform/http/params.js';
import { findMeeting } from '../meetings/queries.js';
import { findTask } from '../schedule/queries.js';

/** Who edits the plan (the contractor's secretariat) and who reads it (and the City). */
export const EDIT: Role[] = ['admin', 'operator'];
export const READ: Role[] = ['admin', 'operator', 'city'];
export const CITY: Role[] = ['city'];

/** A record found by `:id`, then the caller's roles in its program (403 without any, 404 across programs). */
async function byId<T extends { programId: number }>(c: AppContext, roles: Role[], find: (id: number) => Promise<T | undefined>) {
  const auth = requireAuth(c);
  if (!auth.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden');
  const row = await find(idParam(c));
  if (!row) throw new AppError('not-found');
  const found = await requireProgramRoleById(c, row.programId, roles);
  return { row, program: found.program, roles: found.roles };
}

export const taskFor = (c: AppContext, roles: Role[]) => byId(c, roles, (id) => findTask(c.get('deps').db, id));
export const meetingFor = (c: AppContext, roles: Role[]) => byId(c, roles, (id) => findMeeting(c.get('deps').db, id));

/** Whether the person acts for the contractor here (else only for the City). */
export const isContractor = (roles: Role[]) => roles.some((r) => EDIT.includes(r));

/** A PDF made beforehand (the same bytes go to the deliverable) as a download. */
export function pdfBytesResponse(filenameBase: string, bytes: Buffer): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(`${filenameBase}.pdf`), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
