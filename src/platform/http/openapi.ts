import { VERSION } from '../../version.js';
import type { Installation } from '../module/installation.js';
import type { OpenApiPaths } from '../module/manifest.js';

const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

/** Paths of the platform itself (the auth API); modules contribute theirs through their manifests. */
export const PLATFORM_PATHS: OpenApiPaths = {
  '/me': {
    get: {
      summary: 'The caller and its roles',
      security: [{ bearer: [] }],
      responses: {
        200: {
          description: 'The caller',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'roles'],
                properties: {
                  email: { type: 'string' },
                  roles: { type: 'array', items: { type: 'object', properties: { program: { type: ['string', 'null'] }, role: { type: 'string', enum: ['admin', 'operator', 'agent', 'city', 'business'] } } } },
                },
              },
            },
          },
        },
        401: problemResponse('No valid token'),
      },
    },
  },
  '/login': {
    post: {
      summary: 'Password sign-in for clients that use a session cookie',
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } } } } },
      responses: {
        200: { description: 'Signed in; the session cookie is set. `secondFactor` tells whether /mfa must follow.' },
        401: problemResponse('Wrong e-mail or password'),
        429: problemResponse('Account or address temporarily locked (Retry-After)'),
      },
    },
  },
};

/** The OpenAPI 3.1 document of the whole API: every installed module's paths. */
export function openApiDocument(modules: Installation, baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'jimukyoku API', version: VERSION, description: '事務局システムの API。エラーは RFC 9457 の application/problem+json で返します。' },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: modules.openApiPaths(baseUrl),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '`jimukyoku token create` で発行したトークン' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            code: { type: 'string' },
            requestId: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}
