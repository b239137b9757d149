import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { openApiDocument } from '../../http/openapi.js';
import { renderApiReference } from '../../http/api-reference.js';

export const programsApi = new Hono<AppEnv>();

/** The OpenAPI 3.1 description of the whole API (public: it holds no data). */
programsApi.get('/openapi.json', (c) => {
  const deps = c.get('deps');
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(openApiDocument(deps.modules, deps.config.publicBaseUrl));
});

/** The same document as a readable page (public, Japanese; see api-reference.tsx). */
programsApi.get('/docs', async (c) => {
  const deps = c.get('deps');
  const res = await renderApiReference(c, openApiDocument(deps.modules, deps.config.publicBaseUrl));
  if (!c.get('auth')) res.headers.set('Cache-Control', 'public, max-age=300');
  return res;
});
