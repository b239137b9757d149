/**
 * Files the server exposes under /static/. The HTTP layer maps `GET /static/:name` to
 * `staticFiles[name]` (reading `path`, answering with `type`); nothing else is served from here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fromRoot } from '../../root.js';

export interface StaticFile {
  /** Absolute path on disk. */
  path: string;
  /** Content-Type header value. */
  type: string;
}

const require = createRequire(import.meta.url);
const here = (name: string) => fromRoot(`src/ui/static/${name}`);

export const staticFiles = {
  'app.css': { path: here('app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { path: here('app.js'), type: 'text/javascript; charset=utf-8' },
  /** The icon browsers ask for at /favicon.ico (a sheet of paper on the brand blue, 32 px). */
  'favicon.ico': { path: here('favicon.ico'), type: 'image/x-icon' },
  'tokens.css': {
    path: require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
    type: 'text/css; charset=utf-8',
  },
} as const satisfies Record<string, StaticFile>;

export type StaticFileName = keyof typeof staticFiles;

export const STATIC_PREFIX = '/static/';

export function isStaticFileName(name: string): name is StaticFileName {
  return Object.hasOwn(staticFiles, name);
}

/** A static file's bytes and the first 10 hex digits of their SHA-256, read once per process. */
const loaded = new Map<StaticFileName, { bytes: Uint8Array<ArrayBuffer>; hash: string }>();
export function staticContent(name: StaticFileName): { bytes: Uint8Array<ArrayBuffer>; hash: string } {
  let c = loaded.get(name);
  if (!c) {
    const bytes = new Uint8Array(fs.readFileSync(staticFiles[name].path));
    loaded.set(name, (c = { bytes, hash: crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10) }));
  }
  return c;
}

/** `app.css` → `app.<hash>.css`: the URL changes whenever the content does, so it may be cached for good. */
export function hashedName(name: StaticFileName): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${staticContent(name).hash}${name.slice(dot)}`;
}

/**
 * A requested name: a plain one (`app.css`) or a hashed one (`app.<hash>.css`) with whether the hash
 * is the current content's (a page from before a deploy may still ask for an older one).
 */
export function resolveStaticName(requested: string): { name: StaticFileName; current: boolean } | undefined {
  if (isStaticFileName(requested)) return { name: requested, current: false };
  const m = /^(.+)\.([0-9a-f]{10})(\.[a-z]+)$/.exec(requested);
  if (!m) return undefined;
  const name = `${m[1]}${m[3]}`;
  if (!isStaticFileName(name)) return undefined;
  return { name, current: staticContent(name).hash === m[2] };
}

/** URLs the layouts reference, in load order (tokens before app.css), with content hashes. */
export const assetUrls = {
  get tokensCss() {
    return `${STATIC_PREFIX}${hashedName('tokens.css')}`;
  },
  get appCss() {
    return `${STATIC_PREFIX}${hashedName('app.css')}`;
  },
  get appJs() {
    return `${STATIC_PREFIX}${hashedName('app.js')}`;
  },
};
