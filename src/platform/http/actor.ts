import type { Actor } from '../audit/index.js';
import type { AppContext } from './env.js';

/** The audit actor of the current request. */
export function actorOf(c: AppContext, role: string | null = null): Actor {
  const auth = c.get('auth');
  return {
    userId: auth?.user.id ?? null,
    label: auth ? `user:${auth.user.id}` : 'anonymous',
    role,
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
  };
}
