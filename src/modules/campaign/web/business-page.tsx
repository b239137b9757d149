import type { Child } from 'hono/jsx';
import { isDemoInstallation } from '../../../platform/programs/demo-flag.js';
import type { AppContext } from '../../../platform/http/env.js';
import { sendPage } from '../../../platform/http/respond.js';
import { takeFlash } from '../../../platform/http/flash.js';
import { NotificationBanner, PublicLayout, type BreadcrumbItem } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';

/**
 * The business pages (`/{slug}/business/…`): public layout, Japanese only (no language switch),
 * never cached.
 */
export async function businessPage(
  c: AppContext,
  program: Program,
  opts: { title: string; breadcrumbs?: BreadcrumbItem[]; notice?: Child; hasErrors?: boolean; status?: number; children?: Child },
) {
  const flash = opts.notice ? undefined : takeFlash(c);
  const res = await sendPage(
    c,
    <PublicLayout
      locale="ja"
      title={opts.title}
      siteName={program.name}
      homeHref={`/${program.slug}`}
      breadcrumbs={[{ label: program.name, href: `/${program.slug}` }, { label: cm('biz.crumb'), href: `/${program.slug}/business` }, ...(opts.breadcrumbs ?? [])]}
      demo={await isDemoInstallation(c.get('deps').db)}
      notice={opts.notice ?? (flash ? <NotificationBanner kind={flash.kind} title={flash.message} /> : undefined)}
      hasErrors={opts.hasErrors}
    >
      {opts.children}
    </PublicLayout>,
    opts.status ?? 200,
  );
  res.headers.set('Cache-Control', 'no-store');
  return res;
}
