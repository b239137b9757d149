import type { ModuleRoutes } from '../../index.js';
import { settlementAdmin } from './admin.js';
import { settlementApi } from './api.js';
import { settlementPortal } from './portal.js';

/** The portal pages are Japanese-only business pages, so they are mounted once, not under /en. */
export const settlementModule: ModuleRoutes = { name: 'settlement', api: settlementApi, admin: settlementAdmin, root: settlementPortal };
