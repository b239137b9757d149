import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { pageCount, pinnedPageSvg, renderPage, withTempPdf } from '../files/pdf-pages.js';
import { fileStoreFor } from '../files/store.js';
import type { Deliverable, DeliverableVersion } from '../schema.js';
import { openVersion } from './files.js';

/** Page counts of PDF versions by version id (a version never changes), at most this many kept. */
const COUNTS = new Map<number, number>();
const COUNTS_KEPT = 2000;

/** How many pages a PDF version has (pdfinfo; 0 when poppler cannot read it), remembered per version. */
export async function versionPageCount(c: AppContext, roles: Role[], d: Deliverable, v: DeliverableVersion): Promise<number> {
  if (v.contentType !== 'application/pdf') return 0;
  const known = COUNTS.get(v.id);
  if (known !== undefined) return known;
  const clear = await openVersion(c, roles, d, v, { kind: 'count' });
  const pages = await withTempPdf(fileStoreFor(c.get('deps').config).tempDir, clear, pageCount);
  if (COUNTS.size >= COUNTS_KEPT) COUNTS.delete(COUNTS.keys().next().value!);
  COUNTS.set(v.id, pages);
  return pages;
}

/** A PDF version's page as PNG, or (with a title) as SVG with numbered pins over it. Each view is audited. */
export async function pageImage(c: AppContext, roles: Role[], d: Deliverable, v: DeliverableVersion, page: number, pins: Array<{ n: number; x: number; y: number }>, title?: string): Promise<Response> {
  if (page < 1 || page > (await versionPageCount(c, roles, d, v))) throw new AppError('not-found');
  const clear = await openVersion(c, roles, d, v, { kind: 'page', page });
  const image = await withTempPdf(fileStoreFor(c.get('deps').config).tempDir, clear, (file) => renderPage(file, page));
  const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  if (title === undefined) return new Response(new Uint8Array(image.png), { headers: { ...headers, 'Content-Type': 'image/png' } });
  return new Response(pinnedPageSvg(image, pins, title), { headers: { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
