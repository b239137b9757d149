import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { pageCount, pinnedPageSvg, renderPage, withTempPdf } from '../files/pdf-pages.js';
import { fileStoreFor } from '../files/store.js';
import type { Deliverable, DeliverableVersion } from '../schema.js';
import { openVersion } from './files.js';

/** A PDF version's page as PNG, or (with a title) as SVG with numbered pins over it. */
export async function pageImage(c: AppContext, roles: Role[], d: Deliverable, v: DeliverableVersion, page: number, pins: Array<{ n: number; x: number; y: number }>, title?: string): Promise<Response> {
  const clear = await openVersion(c, roles, d, v, 'page');
  const image = await withTempPdf(fileStoreFor(c.get('deps').config.dataDir).tempDir, clear, async (file) => {
    const pages = await pageCount(file);
    if (page > pages) return null;
    return renderPage(file, page);
  });
  if (!image) throw new AppError('not-found');
  const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  if (title === undefined) return new Response(new Uint8Array(image.png), { headers: { ...headers, 'Content-Type': 'image/png' } });
  return new Response(pinnedPageSvg(image, pins, title), { headers: { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
