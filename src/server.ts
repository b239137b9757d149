/**
 * Process entry. The embedded database spends seconds initialising (WebAssembly compile and
 * initdb); it starts opening here, before the application's modules are loaded, so the two overlap
 * and a fresh `npm start` reaches the demo sooner. Everything else lives in serve.ts.
 */
import { ConfigError, loadConfig } from './config/index.js';
import { openDatabase } from './db/client.js';
import { acquireDataDir } from './db/data-dir-lock.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const releaseLock = config.databaseKind === 'embedded' ? acquireDataDir(config.dataDir) : () => undefined;
  const opening = openDatabase(config);
  // Nothing may reject unobserved while serve.js loads; serve awaits the same promise.
  opening.catch(() => undefined);
  const { serve } = await import('./serve.js');
  await serve(config, opening, { started, noDemo: process.argv.includes('--no-demo'), releaseLock });
}

main().catch(async (e) => {
  if (e instanceof ConfigError) process.stderr.write(e.message + '\n');
  else {
    const { errorFields, log } = await import('./platform/log/index.js');
    log.error('startup failed', errorFields(e));
  }
  process.exit(1);
});
