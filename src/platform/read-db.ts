import type { Db } from '../db/client.js';
import type { Deps } from './deps.js';

/**
 * Where to read what may be a moment old (the public facility index, open data): the streaming
 * replica while its lag is within READ_MAX_LAG_MS, else the primary. Never for what decides money,
 * seats or permissions: those read `deps.db` (test/platform/read-replica-use.test.ts lists the callers).
 */
export function laggingReadDb(deps: Pick<Deps, 'database' | 'db'>): Db {
  return deps.database.replica?.pick() ?? deps.db;
}
