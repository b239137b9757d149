import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { openApiDocument } from '../../http/openapi.js';

export const programsApi = new Hono<AppEnv>();

/** The OpenAPI 3.1 description of the whole API (public: it holds no data). */
programsApi.get('/openapi.json', (c) => {
  const deps = c.get('deps');
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(openApiDocument(deps.modules, deps.config.publicBaseUrl));
});
