/**
 * `npm start`: runs the server from one bundle of src/ (dist/server.mjs, made with esbuild when
 * missing or older than the sources), not through tsx. Node then loads one file instead of
 * resolving and transpiling some hundreds through tsx's loader thread: a fresh start reaches the
 * demo seconds sooner. Packages stay outside the bundle (node_modules, as installed). When the
 * bundle cannot be written (a read-only checkout), the server runs through tsx as before.
 * Arguments (such as --no-demo) reach the server unchanged: it runs in this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'server.mjs');

/** The newest modification time among the bundle's inputs. */
function newestInput() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/start.js']) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
  return newest;
}

function isFresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestInput();
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Written aside and renamed: instances started together never load a half-written bundle.
  const tmp = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(root, 'src/server.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  fs.renameSync(tmp, bundle);
}

let entry = pathToFileURL(bundle).href;
if (!isFresh()) {
  try {
    await build();
  } catch (e) {
    process.stderr.write(`jimukyoku: running through tsx (the bundle could not be built: ${e instanceof Error ? e.message : e})\n`);
    const { register } = await import('tsx/esm/api');
    register();
    entry = pathToFileURL(path.join(root, 'src/server.ts')).href;
  }
}
await import(entry);
