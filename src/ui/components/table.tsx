import { uiMessages } from '../messages.js';
import type { Child, Locale } from './types.js';

export interface TableColumn {
  key: string;
  header: Child;
  /** Right-aligned with tabular figures (amounts, counts). */
  numeric?: boolean;
  /** Render this column's cells as `<th scope="row">` (the identifying column). */
  rowHeader?: boolean;
}

export interface TableProps {
  /** Visible caption; also names the scroll region. */
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly Record<string, Child>[];
  /** Shown in a single row when there are no rows. */
  emptyMessage?: string;
  /** Base for the caption id; defaults to one derived from the caption. */
  id?: string;
  locale?: Locale;
}

/**
 * Data table inside a keyboard-scrollable region so wide tables never make the page scroll
 * sideways at 320 px.
 */
export function Table({ caption, columns, rows, emptyMessage, id, locale = 'ja' }: TableProps) {
  const captionId = `${id ?? `table-${shortHash(caption)}`}-caption`;
  return (
    <div class="dads-table-container" role="region" aria-labelledby={captionId} tabindex={0}>
      <table class="dads-table">
        <caption id={captionId} class="dads-table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class="dads-table__header" data-numeric={c.numeric ? 'true' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td class="dads-table__empty" colspan={columns.length}>
                {emptyMessage ?? uiMessages(locale, 'tableEmpty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th scope="row" class="dads-table__cell" data-numeric={c.numeric ? 'true' : undefined}>
                      {row[c.key]}
                    </th>
                  ) : (
                    <td class="dads-table__cell" data-numeric={c.numeric ? 'true' : undefined}>
                      {row[c.key]}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Stable short id fragment from text (FNV-1a), so ids stay the same between renders. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
