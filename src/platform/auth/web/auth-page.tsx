import type { Child } from 'hono/jsx';
import { isDemoInstallation } from '../../programs/demo-flag.js';
import { PublicLayout } from '../../../ui/index.js';
import type { AppContext } from '../../http/env.js';
import { sendPage } from '../../http/respond.js';
import { authMessages as m } from './messages.js';

/** Sign-in and account-recovery pages: the public layout, Japanese, no navigation. */
export async function authPage(c: AppContext, opts: { title: string; notice?: Child; hasErrors?: boolean; status?: number; children?: Child }) {
  const res = await sendPage(
    c,
    <PublicLayout
      locale="ja"
      title={opts.title}
      siteName={m('ja', 'siteName')}
      homeHref="/"
      demo={await isDemoInstallation(c.get('deps').db)}
      notice={opts.notice}
      hasErrors={opts.hasErrors}
    >
      {opts.children}
    </PublicLayout>,
    opts.status ?? 200,
  );
  res.headers.set('Cache-Control', 'no-store');
  return res;
}
