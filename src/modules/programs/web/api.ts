import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { openApiDocument } from '../../openapi.js';

export const programsApi = new Hono<AppEnv>();

/** The OpenAPI 3.1 description of the whole API (public: it holds no data). */
programsApi.get('/openapi.json', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(openApiDocument(c.get('deps').config.publicBaseUrl));
});
