import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { ModuleRoutes } from '../../module/manifest.js';
import { accountRequestRoutes } from './account-request-routes.js';
import { accountRoutes } from './account-routes.js';
import { adminUsers } from './admin-users.js';
import { authApi } from './api.js';
import { loginRoutes } from './login-routes.js';
import { mfaRoutes } from './mfa-routes.js';
import { passwordRoutes } from './password-routes.js';
import { tokenRoutes } from './token-routes.js';

const root = new Hono<AppEnv>();
root.route('/', loginRoutes);
root.route('/', mfaRoutes);
root.route('/', passwordRoutes);
root.route('/', accountRequestRoutes);
root.route('/', accountRoutes);
root.route('/', tokenRoutes);

export const accountModuleRoutes: ModuleRoutes = { root, admin: adminUsers, api: authApi };
