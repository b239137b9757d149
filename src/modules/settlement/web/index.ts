import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { settlementAdmin } from './admin.js';
import { settlementAllocations } from './admin-allocations.js';
import { settlementReview } from './admin-claims.js';
import { settlementMonthly } from './admin-monthly.js';
import { settlementSettings } from './admin-settings.js';
import { settlementApi } from './api.js';
import { settlementPortal } from './portal.js';

const admin = new Hono<AppEnv>();
for (const part of [settlementAdmin, settlementAllocations, settlementSettings, settlementReview, settlementMonthly]) admin.route('/', part);

/** The portal pages are Japanese-only business pages, so they are mounted once, not under /en. */
export const settlementRoutes: ModuleRoutes = { api: settlementApi, admin, root: settlementPortal };
