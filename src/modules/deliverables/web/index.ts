import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { deliverablesAdmin } from './admin.js';
import { deliverablesApi } from './api.js';

export const deliverablesRoutes: ModuleRoutes = { admin: deliverablesAdmin, api: deliverablesApi };
