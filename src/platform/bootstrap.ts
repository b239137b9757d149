import crypto from 'node:crypto';
import type { Config } from '../config/index.js';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import type { Installation } from './module/installation.js';
import { systemClock, type Clock, type Deps } from './deps.js';
import { Vault } from './vault/index.js';
import { loadMasterKey } from './vault/master-key.js';

/** Opens the database, applies migrations and loads the master key: everything a process needs. */
export async function openDeps(
  config: Config,
  opts: { modules: Installation; memory?: boolean; clock?: Clock; /** Already opening (src/server.ts starts it early). */ database?: Database },
): Promise<Deps> {
  const database = opts.database ?? (await openDatabase(config, { memory: opts.memory }));
  try {
    // With two roles (MIGRATION_DATABASE_URL), as the schema's owner, which then grants the app role.
    await runMigrations(database, { ownerUrl: config.migrationDatabaseUrl, appUrl: config.databaseUrl });
    const master = loadMasterKey({ envKey: config.masterKey, dataDir: config.dataDir, allowFile: database.kind === 'embedded' });
    const vault = new Vault(master);
    await vault.ensureKey(database.db, 'system');
    return {
      config,
      database,
      db: database.db,
      vault,
      clock: opts.clock ?? systemClock,
      modules: opts.modules,
      instanceId: `${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
