import type { Config } from '../config/index.js';
import type { Database, Db } from '../db/client.js';
import type { Installation } from './module/installation.js';
import type { Vault } from './vault/index.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every route, command and job receives; built once per process in src/server.ts (or per test). */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  vault: Vault;
  clock: Clock;
  /** The installed modules and what they contribute (src/modules/index.ts). */
  modules: Installation;
  /** Distinguishes this process in job leases and logs. */
  instanceId: string;
}
