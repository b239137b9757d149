import type { AppContext } from '../../../platform/http/env.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { dm } from '../messages.js';
import { listRounds, userName } from '../queries.js';
import type { Deliverable } from '../schema.js';
import { drawTrail } from '../trail-pdf.js';

/** The trail PDF of one deliverable (rounds, comments, who and when; delivery and receipt). */
export async function trailResponse(c: AppContext, program: Program, d: Deliverable): Promise<Response> {
  const db = c.get('deps').db;
  const rounds = await listRounds(db, d.id);
  const receivedBy = d.receivedBy === null ? null : await userName(db, d.receivedBy);
  return pdfResponse(dm('file.trail', { key: d.key }), (doc) => drawTrail(doc, program, d, rounds, receivedBy), { title: dm('trail.title', { title: d.title }) });
}
