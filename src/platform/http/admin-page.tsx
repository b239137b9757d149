import type { Child } from 'hono/jsx';
import { isDemoInstallation } from '../programs/demo-flag.js';
import { AdminLayout, type BreadcrumbItem } from '../../ui/index.js';
import { isInstallationAdmin } from '../auth/memberships.js';
import type { AppContext } from './env.js';
import { takeFlash } from './flash.js';
import { sendPage } from './respond.js';
import { csrfToken } from './csrf.js';

export interface AdminPageOptions {
  title: string;
  breadcrumbs?: BreadcrumbItem[];
  notice?: Child;
  hasErrors?: boolean;
  status?: number;
  children?: Child;
}

function navFor(c: AppContext) {
  const auth = c.get('auth');
  const path = c.req.path;
  const items = [{ label: 'ホーム', href: '/admin' }];
  if (auth?.grants.some((g) => g.role === 'admin' || g.role === 'city')) items.push({ label: '監査ログ', href: '/admin/audit' });
  if (auth && isInstallationAdmin(auth.grants)) {
    items.push({ label: 'ユーザー', href: '/admin/users' });
    items.push({ label: '送信メール', href: '/admin/mail' });
  }
  items.push({ label: 'アカウント', href: '/account' });
  return items.map((i) => ({ ...i, current: i.href === '/admin' ? path === '/admin' : path.startsWith(i.href) }));
}

/** Renders a back-office page in the admin layout with navigation for the signed-in user. */
export async function adminPage(c: AppContext, opts: AdminPageOptions): Promise<Response> {
  const auth = c.get('auth');
  const roles = auth ? [...new Set(auth.grants.map((g) => (g.programSlug ? `${g.role}@${g.programSlug}` : g.role)))].join(', ') : '';
  return sendPage(
    c,
    <AdminLayout
      title={opts.title}
      user={auth ? { email: auth.user.email, roles } : undefined}
      nav={navFor(c)}
      breadcrumbs={opts.breadcrumbs}
      demo={await isDemoInstallation(c.get('deps').db)}
      flash={takeFlash(c)}
      csrfToken={auth ? csrfToken(c) : undefined}
      notice={opts.notice}
      hasErrors={opts.hasErrors}
    >
      {opts.children}
    </AdminLayout>,
    opts.status ?? 200,
  );
}
