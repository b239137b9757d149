import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.js';
import { accountModule } from '../platform/auth/web/index.js';
import { campaignModule } from './campaign/web/index.js';
import { eventsModule } from './events/web/index.js';
import { programsModule } from './programs/web/index.js';
import { settlementModule } from './settlement/web/index.js';
import { siteModule } from './site/web/index.js';

/**
 * Every module's routes, mounted by src/app.ts: `public` at `/` and again at `/en` (English),
 * `root` at `/` only (sign-in and other pages that are not per-language), `admin` at `/admin`,
 * `api` at `/api/v1`. A module lists its routes; nothing registers itself.
 */
export interface ModuleRoutes {
  name: string;
  public?: Hono<AppEnv>;
  root?: Hono<AppEnv>;
  admin?: Hono<AppEnv>;
  api?: Hono<AppEnv>;
}

export const MODULES: ModuleRoutes[] = [accountModule, campaignModule, eventsModule, settlementModule, siteModule, programsModule];
