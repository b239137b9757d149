import type { Role } from '../../../platform/auth/schema.js';
import type { AppContext } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { Program } from '../../../platform/programs/schema.js';
import { dm } from '../messages.js';
import { listVersions } from '../queries.js';
import type { Deliverable } from '../schema.js';
import { itemPath, listPath } from './admin-list.js';
import { versionPageCount } from './page-image.js';

/** Beyond this many pages a version shows its first pages only (and says so). */
const MAX_PAGES = 40;

/** Two versions (`?a=&b=`, PDF) side by side, page by page: as many pages as each version has. */
export async function comparePage(c: AppContext, program: Program, d: Deliverable, roles: Role[]): Promise<Response> {
  const versions = (await listVersions(c.get('deps').db, d.id)).filter((v) => v.contentType === 'application/pdf');
  const pick = (q: string | undefined, fallback: number) => versions.find((v) => String(v.number) === q) ?? versions.at(fallback);
  const a = pick(c.req.query('a'), -2);
  const b = pick(c.req.query('b'), -1);
  const counts = new Map<number, number>();
  for (const v of a && b ? [a, b] : []) counts.set(v.number, await versionPageCount(c, roles, d, v));
  const pagesOf = (n: number) => Array.from({ length: Math.min(counts.get(n) ?? 0, MAX_PAGES) }, (_, i) => i + 1);
  return adminPage(c, {
    title: `${dm('item.compare')}: ${d.title}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: d.title, href: itemPath(d.id) }, { label: dm('item.compare') }],
    children:
      a && b ? (
        <div class="deliverable-compare">
          {[a, b].map((v) => (
            <section aria-labelledby={`v${v.number}`}>
              <h2 id={`v${v.number}`}>{`${dm('item.version', { n: v.number })} ${v.filename}`}</h2>
              <p>{dm('compare.pages', { n: counts.get(v.number) ?? 0 })}{(counts.get(v.number) ?? 0) > MAX_PAGES ? dm('compare.firstPages', { n: MAX_PAGES }) : ''}</p>
              {pagesOf(v.number).map((p) => (
                <img src={`${itemPath(d.id)}/versions/${v.number}/pages/${p}`} alt={`${dm('item.version', { n: v.number })} ${p}ページ`} width="360" loading="lazy" />
              ))}
            </section>
          ))}
        </div>
      ) : (
        <p>{dm('item.noVersions')}</p>
      ),
  });
}
