import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { deliverablesAdmin } from './admin.js';
import { deliverablesApi } from './api.js';
import { articlesPublic } from './public-articles.js';

export const deliverablesRoutes: ModuleRoutes = { public: articlesPublic, admin: deliverablesAdmin, api: deliverablesApi };
