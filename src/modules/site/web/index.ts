import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { siteAdmin } from './admin.js';
import { siteA11yAdmin } from './admin-a11y.js';
import { siteApi } from './api.js';
import { sitePublic } from './public.js';

const publicRoutes = new Hono<AppEnv>();
publicRoutes.route('/', sitePublic);
const admin = new Hono<AppEnv>();
admin.route('/', siteAdmin);
admin.route('/', siteA11yAdmin);
const api = new Hono<AppEnv>();
api.route('/', siteApi);

export const siteRoutes: ModuleRoutes = { public: publicRoutes, admin, api };
