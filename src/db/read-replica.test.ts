import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type pg from 'pg';
import type { Db } from './client.js';
import { ReadReplica } from './read-replica.js';

/** A pool that answers the lag query with what the test sets (or fails). */
function fakePool(answer: () => { recovering: boolean; lag_ms: string | null } | Error) {
  return {
    async query() {
      const a = answer();
      if (a instanceof Error) throw a;
      return { rows: [a] };
    },
    async end() {},
  } as unknown as pg.Pool;
}

const primary = { name: 'primary' } as unknown as Db;

describe('ReadReplica: reads that may lag go to the replica only while its lag is known and within the bound', () => {
  test('within the bound: the replica; past it, stuck, unreachable or promoted: the primary', async () => {
    let state: { recovering: boolean; lag_ms: string | null } | Error = { recovering: true, lag_ms: '0' };
    const r = new ReadReplica(fakePool(() => state), primary, 2000, 60_000);
    await r.measure();
    assert.notEqual(r.pick(), primary, 'caught up: the replica');
    state = { recovering: true, lag_ms: '1999.5' };
    await r.measure();
    assert.notEqual(r.pick(), primary, 'within 2 s: the replica');
    state = { recovering: true, lag_ms: '2500' };
    await r.measure();
    assert.equal(r.pick(), primary, 'replay 2.5 s behind: the primary');
    state = new Error('connection refused');
    await r.measure();
    assert.equal(r.pick(), primary, 'replica down: the primary');
    assert.equal(r.lagMs, null);
    state = { recovering: false, lag_ms: '0' };
    await r.measure();
    assert.equal(r.pick(), primary, 'no longer a replica (promoted): the primary');
    assert.deepEqual(r.reads, { replica: 2, primary: 3 });
    await r.close();
  });
});
