import { Hono } from 'hono';
import type { AppEnv } from '../../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../../platform/module/manifest.js';
import { accountsAdmin } from './accounts.js';
import { papersApi } from './api.js';
import { monthlyAdmin } from './monthly.js';
import { noticesAdmin } from './notices.js';

const admin = new Hono<AppEnv>();
admin.route('/', noticesAdmin);
admin.route('/', monthlyAdmin);
admin.route('/', accountsAdmin);

export const papersRoutes: ModuleRoutes = { admin, api: papersApi };
