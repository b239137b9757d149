import crypto from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { AppError } from '../errors/index.js';
import { decrypt, encrypt, hkdf } from './crypto.js';
import { fingerprint, type MasterKey } from './master-key.js';
import { dataKeys } from './schema.js';
import { LruCache } from '../lru.js';

const SEALED_PREFIX = 'v1:';

export type Scope = `program:${number}` | 'system';
export const programScope = (programId: number): Scope => `program:${programId}`;

/** Stands in for a value whose key was destroyed; views show it as 消去済み. */
export const ERASED: unique symbol = Symbol('erased');
export type Opened = string | typeof ERASED;

/**
 * Seals and opens personal data with one scope's data key. Obtain one per use-case with
 * `vault.box(conn, scope)`: the key is read once and not cached across requests, so destroying
 * a key takes effect at once on every instance. The one exception, `vault.keptBox`, is for a hot
 * write path whose own statement checks that the key still exists (`liveKeySql`).
 */
export class Box {
  /** The blind index's key, derived from the data key on first use. */
  private indexKey: Buffer | undefined;

  constructor(
    readonly scope: Scope,
    private readonly key: Buffer | null,
  ) {}

  get erased(): boolean {
    return this.key === null;
  }

  seal(plaintext: string): string {
    // The code's own catalogue text (消去済み) is what a person sees; the scope is for the log.
    if (!this.key) throw new AppError('data-erased', undefined, { detail: { scope: this.scope } });
    return SEALED_PREFIX + encrypt(this.key, Buffer.from(plaintext, 'utf8'), this.scope).toString('base64');
  }

  sealOptional(plaintext: string | null | undefined): string | null {
    return plaintext == null || plaintext === '' ? null : this.seal(plaintext);
  }

  open(sealed: string): Opened {
    if (!this.key) return ERASED;
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed value');
    return decrypt(this.key, Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64'), this.scope).toString('utf8');
  }

  openOptional(sealed: string | null | undefined): Opened | null {
    return sealed == null ? null : this.open(sealed);
  }

  /** Opens or throws `data-erased`, for code paths that cannot proceed without the value. */
  openOrThrow(sealed: string): string {
    const v = this.open(sealed);
    if (v === ERASED) throw new AppError('data-erased');
    return v;
  }

  /**
   * A keyed blind index for exact lookup without decrypting: HMAC of the normalised value under
   * a key derived from the data key, so it is erased with it.
   */
  blindIndex(value: string): string {
    if (!this.key) throw new AppError('data-erased');
    const normalised = value.normalize('NFKC').trim().toLowerCase().replace(/[\s-]/g, '');
    this.indexKey ??= hkdf(this.key, 'blind-index');
    return crypto.createHmac('sha256', this.indexKey).update(normalised).digest('hex').slice(0, 40);
  }
}

export class Vault {
  /** Every master key this process holds, by fingerprint: the configured one and any rotated to since. */
  private readonly known = new Map<string, MasterKey>();
  /** A rotation run in this process whose transaction may not have committed yet. */
  private pending: MasterKey | null = null;
  /** Live boxes kept between requests for `keptBox`, by scope (one per program). */
  private readonly kept = new LruCache<Box>(1000);

  constructor(private master: MasterKey) {
    this.known.set(master.id, master);
  }

  get masterKeyId(): string {
    return this.master.id;
  }

  /**
   * A key for `purpose` derived (HKDF-SHA256) from the current master key: never stored, so the
   * database holds nothing to recompute it with (the audit trail's chain and anchor keys).
   */
  deriveKey(purpose: string): Buffer {
    return hkdf(this.master.key, purpose);
  }

  /**
   * After a rotation in this process (the CLI hands `vault rotate-master` to the running server),
   * the new master key becomes current once the database shows keys wrapped by it, i.e. once the
   * rotation committed. Until then the old one stays current, so a rotation that rolled back
   * leaves the vault as it was.
   */
  private async settle(conn: Conn): Promise<void> {
    const next = this.pending;
    if (!next) return;
    const [row] = await conn.select({ scope: dataKeys.scope }).from(dataKeys).where(eq(dataKeys.masterKeyId, next.id)).limit(1);
    if (row) this.promote(next);
  }

  private promote(next: MasterKey): void {
    this.master = next;
    if (this.pending?.id === next.id) this.pending = null;
  }

  /** Creates the scope's data key if it has none; call inside the transaction that creates the program. */
  async ensureKey(conn: Conn, scope: Scope): Promise<void> {
    await this.settle(conn);
    const raw = crypto.randomBytes(32);
    await conn
      .insert(dataKeys)
      .values({ scope, wrappedKey: this.wrap(raw, scope), masterKeyId: this.master.id })
      .onConflictDoNothing();
  }

  async box(conn: Conn, scope: Scope): Promise<Box> {
    await this.settle(conn);
    let [row] = await conn.select().from(dataKeys).where(eq(dataKeys.scope, scope));
    if (!row) {
      await this.ensureKey(conn, scope);
      [row] = await conn.select().from(dataKeys).where(eq(dataKeys.scope, scope));
    }
    if (!row || !row.wrappedKey) return new Box(scope, null);
    const master = this.known.get(row.masterKeyId);
    if (!master) {
      throw new Error(`data key ${scope} is wrapped by master key ${row.masterKeyId}, not the configured ${this.master.id}`);
    }
    return new Box(scope, this.unwrap(row.wrappedKey, scope, master));
  }

  /**
   * The scope's box kept between requests, to save the key's round trip on a hot write path
   * (call entry). Its user MUST check in the statement that writes the sealed values that the key
   * still exists (`liveKeySql`), write nothing when it does not, then `forgetKept` the scope and go
   * the general way (`box`, which sees the erasure): so an erasure on any instance holds at once.
   */
  async keptBox(conn: Conn, scope: Scope): Promise<Box> {
    const known = this.kept.get(scope);
    if (known) return known;
    const box = await this.box(conn, scope);
    if (!box.erased) this.kept.set(scope, box);
    return box;
  }

  /** Drops a kept box (its key was found destroyed, or is being destroyed here). */
  forgetKept(scope: Scope): void {
    this.kept.delete(scope);
  }

  /**
   * Cryptographic erasure: the wrapped key is overwritten and cannot be recovered, so every value
   * sealed under it — in the database and in every backup — is unreadable.
   */
  async destroyKey(conn: Conn, scope: Scope, at: Date): Promise<boolean> {
    this.forgetKept(scope);
    const rows = await conn
      .update(dataKeys)
      .set({ wrappedKey: null, destroyedAt: at })
      .where(sql`${dataKeys.scope} = ${scope} and ${dataKeys.wrappedKey} is not null`)
      .returning({ scope: dataKeys.scope });
    return rows.length > 0;
  }

  async isDestroyed(conn: Conn, scope: Scope): Promise<boolean> {
    const [row] = await conn.select({ w: dataKeys.wrappedKey, d: dataKeys.destroyedAt }).from(dataKeys).where(eq(dataKeys.scope, scope));
    return !!row && row.w === null;
  }

  /**
   * Re-wraps every live data key under a new master key; the sealed rows are not touched. This
   * process learns the new key at once (see settle()): it keeps working without a restart.
   */
  async rotateMaster(conn: Conn, next: MasterKey): Promise<number> {
    await this.settle(conn);
    const rows = await conn.select().from(dataKeys).where(sql`${dataKeys.wrappedKey} is not null`);
    for (const row of rows) {
      if (row.masterKeyId !== this.master.id) {
        throw new Error(`data key ${row.scope} is wrapped by ${row.masterKeyId}, not the current master key`);
      }
      const raw = this.unwrap(row.wrappedKey!, row.scope as Scope);
      await conn
        .update(dataKeys)
        .set({ wrappedKey: encrypt(next.key, raw, 'wrap:' + row.scope).toString('base64'), masterKeyId: next.id })
        .where(eq(dataKeys.scope, row.scope));
    }
    this.known.set(next.id, next);
    // With no data key to show the commit, the new key is current at once.
    if (rows.length === 0) this.promote(next);
    else this.pending = next;
    return rows.length;
  }

  /** Rows whose data key is still present but wrapped by another master key (a half-finished rotation). */
  async foreignKeys(conn: Conn): Promise<string[]> {
    const rows = await conn.select({ scope: dataKeys.scope, id: dataKeys.masterKeyId }).from(dataKeys).where(isNull(dataKeys.destroyedAt));
    return rows.filter((r) => r.id !== this.master.id).map((r) => r.scope);
  }

  private wrap(raw: Buffer, scope: string): string {
    return encrypt(this.master.key, raw, 'wrap:' + scope).toString('base64');
  }

  private unwrap(wrapped: string, scope: string, master: MasterKey = this.master): Buffer {
    return decrypt(master.key, Buffer.from(wrapped, 'base64'), 'wrap:' + scope);
  }
}

/**
 * A condition, for a statement that writes values sealed with a kept box, that the scope's key
 * still exists; `param` is the placeholder that holds the scope (null: nothing sealed, no check).
 */
export function liveKeySql(param: string): string {
  return `(${param}::text is null or exists (select 1 from data_keys where scope = ${param}::text and wrapped_key is not null))`;
}

export { fingerprint };
export { hkdf } from './crypto.js';
