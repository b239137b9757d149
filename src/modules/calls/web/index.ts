import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { callsApi } from './api.js';

const api = new Hono<AppEnv>();
api.route('/', callsApi);

export const callsRoutes: ModuleRoutes = { api };
