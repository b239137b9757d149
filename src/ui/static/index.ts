/**
 * Files the server exposes under /static/. The HTTP layer maps `GET /static/:name` to
 * `staticFiles[name]` (reading `path`, answering with `type`); nothing else is served from here.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface StaticFile {
  /** Absolute path on disk. */
  path: string;
  /** Content-Type header value. */
  type: string;
}

const require = createRequire(import.meta.url);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export const staticFiles = {
  'app.css': { path: here('./app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { path: here('./app.js'), type: 'text/javascript; charset=utf-8' },
  /** The icon browsers ask for at /favicon.ico (a sheet of paper on the brand blue, 32 px). */
  'favicon.ico': { path: here('./favicon.ico'), type: 'image/x-icon' },
  'tokens.css': {
    path: require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
    type: 'text/css; charset=utf-8',
  },
} as const satisfies Record<string, StaticFile>;

export type StaticFileName = keyof typeof staticFiles;

export const STATIC_PREFIX = '/static/';

/** URLs the layouts reference, in load order (tokens before app.css). */
export const assetUrls = {
  tokensCss: `${STATIC_PREFIX}tokens.css`,
  appCss: `${STATIC_PREFIX}app.css`,
  appJs: `${STATIC_PREFIX}app.js`,
} as const;

export function isStaticFileName(name: string): name is StaticFileName {
  return Object.hasOwn(staticFiles, name);
}
