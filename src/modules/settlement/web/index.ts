import type { ModuleRoutes } from '../../index.js';
import { settlementAdmin } from './admin.js';
import { settlementApi } from './api.js';

export const settlementModule: ModuleRoutes = { name: 'settlement', api: settlementApi, admin: settlementAdmin };
