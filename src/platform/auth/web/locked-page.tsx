import { NotificationBanner } from '../../../ui/index.js';
import type { AppContext } from '../../http/env.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';

/**
 * 429 with Retry-After for a locked account: `stepLocked` when this attempt caused the lock (the
 * session has just been ended), `locked` when it was already locked.
 */
export async function lockedPage(c: AppContext, seconds: number, message: 'locked' | 'stepLocked') {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const res = await authPage(c, {
    title: m('ja', 'lockedTitle'),
    notice: <NotificationBanner kind="error" title={m('ja', message, { minutes })} />,
    hasErrors: true,
    status: 429,
    children: (
      <p>
        <a href="/login">{m('ja', 'backToLogin')}</a>
      </p>
    ),
  });
  res.headers.set('Retry-After', String(Math.max(1, Math.ceil(seconds))));
  return res;
}
