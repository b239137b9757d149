import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { callsApi } from './api.js';
import { callsDesk } from './desk.js';

const api = new Hono<AppEnv>();
api.route('/', callsApi);

const admin = new Hono<AppEnv>();
admin.route('/', callsDesk);

export const callsRoutes: ModuleRoutes = { admin, api };
