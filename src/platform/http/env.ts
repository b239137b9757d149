import type { Context } from 'hono';
import type { Grant } from '../auth/memberships.js';
import type { User } from '../auth/schema.js';
import type { SessionRow } from '../auth/sessions.js';
import type { Deps } from '../deps.js';
import type { Locale } from '../i18n/index.js';
import type { SharedAnswer } from './public-cache.js';

export interface AuthState {
  user: User;
  grants: Grant[];
  via: 'session' | 'token';
  session?: SessionRow;
  /** False while a session still owes its second factor. */
  complete: boolean;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    locale: Locale;
    auth: AuthState | null;
    /** The token forms must echo in `_csrf`: the session's, or the anonymous cookie's. */
    csrfToken: string;
    clientIp: string | null;
    /** Set by a route whose answer anonymous visitors may share (public-cache.ts). */
    sharedAnswer?: SharedAnswer;
    /**
     * Gives this request's turn on the embedded database back early (load-shedding.ts), for a
     * request that from then on only waits for a group write (group-write.ts): the group runs as
     * one statement, and those waiting for it no longer keep others from joining it.
     */
    yieldTurn?: () => void;
  };
};

export type AppContext = Context<AppEnv>;
