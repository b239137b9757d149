/** A `select count(*)::int as n, min(<since>) as oldest` row as an inbox item's count and oldest (drivers hand timestamps over as Date or text). */
export function counted(row: { n: number | string; oldest: Date | string | null } | undefined): { count: number; oldest: Date | null } {
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}
