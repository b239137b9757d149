import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../index.js';

const publicRoutes = new Hono<AppEnv>();
const admin = new Hono<AppEnv>();
const api = new Hono<AppEnv>();

export const eventsModule: ModuleRoutes = { name: 'events', public: publicRoutes, admin, api };
