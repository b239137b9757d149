import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import type { Deps } from '../../../platform/deps.js';
import type { ErasureHolding } from '../schema.js';

const SEALED = 'v1:%';

async function columnsOf(conn: Conn, table: string): Promise<Array<{ name: string; type: string }>> {
  return queryRows<{ name: string; type: string }>(
    conn,
    sql`select column_name as name, data_type as type from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
}

/**
 * How to reach the program's rows of a table: its own program_id, or a foreign key to a table
 * that has one (a document belongs to its application). Null: the table is not kept per program.
 */
async function programRows(conn: Conn, table: string, programId: number): Promise<SQL | null> {
  const t = sql.identifier(table);
  if ((await columnsOf(conn, table)).some((c) => c.name === 'program_id')) return sql`${t} as x where x.program_id = ${programId}`;
  const fks = await queryRows<{ col: string; ref: string; refCol: string }>(
    conn,
    sql`select kcu.column_name as col, ccu.table_name as ref, ccu.column_name as "refCol"
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.table_schema = current_schema() and tc.table_name = ${table} and tc.constraint_type = 'FOREIGN KEY' order by 1`,
  );
  for (const fk of fks) {
    if (!(await columnsOf(conn, fk.ref)).some((c) => c.name === 'program_id')) continue;
    return sql`${t} as x join ${sql.identifier(fk.ref)} as r on r.${sql.identifier(fk.refCol)} = x.${sql.identifier(fk.col)} where r.program_id = ${programId}`;
  }
  return null;
}

/**
 * What holds the program's personal data: each table a module declares in its manifest
 * (`personalData`), with the program's row count and the columns holding values sealed under a
 * data key. Tables not kept per program (accounts) are listed with rows null: they are not the
 * program's to erase.
 */
export async function findHoldings(conn: Conn, deps: Deps, programId: number): Promise<ErasureHolding[]> {
  const out: ErasureHolding[] = [];
  for (const decl of deps.modules.personalData) {
    for (const table of decl.tables) {
      const rows = await programRows(conn, table, programId);
      if (!rows) {
        out.push({ module: decl.module, table, rows: null, sealedColumns: [] });
        continue;
      }
      const [count] = await queryRows<{ n: number }>(conn, sql`select count(*)::int as n from ${rows}`);
      const sealedColumns: string[] = [];
      for (const col of (await columnsOf(conn, table)).filter((c) => c.type === 'text')) {
        const [hit] = await queryRows<{ x: number }>(conn, sql`select 1 as x from ${rows} and x.${sql.identifier(col.name)} like ${SEALED} limit 1`);
        if (hit) sealedColumns.push(col.name);
      }
      out.push({ module: decl.module, table, rows: count!.n, sealedColumns });
    }
  }
  return out;
}

/** Up to `n` sealed values of one column of the program's rows, for the verification. */
export async function sampleSealed(conn: Conn, table: string, column: string, programId: number, n = 20): Promise<string[]> {
  const rows = await programRows(conn, table, programId);
  if (!rows) return [];
  const c = sql`x.${sql.identifier(column)}`;
  return (await queryRows<{ v: string }>(conn, sql`select ${c} as v from ${rows} and ${c} like ${SEALED} order by random() limit ${n}`)).map((r) => r.v);
}
