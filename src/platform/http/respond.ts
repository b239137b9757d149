import { renderPage, type Renderable } from '../../ui/render.js';
import type { AppContext } from './env.js';
import { isLocalPath } from './local-path.js';

/** Sends a full HTML page (with doctype); pages that show personal data are never cached. */
export async function sendPage(c: AppContext, node: Renderable, status = 200): Promise<Response> {
  const html = await renderPage(node);
  const res = c.html(html, status as 200);
  if (c.get('auth')) res.headers.set('Cache-Control', 'no-store');
  return res;
}

/**
 * POST-redirect-GET. A path on this site is the only kind of `next` followed (local-path.ts: not
 * `//host`, nor `/\host` or `/<TAB>/host`, which browsers read the same), so it cannot send people elsewhere.
 */
export function safeRedirectTarget(next: string | undefined, fallback: string): string {
  return next && isLocalPath(next) ? next : fallback;
}
