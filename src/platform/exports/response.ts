/**
 * One web `Response` for every export endpoint (Hono handlers return it as is).
 *
 * xlsx and UTF-8 CSV stream as they are produced. Shift_JIS CSV is encoded completely before the
 * response starts: a character CP932 cannot hold may sit in the last row, and the user must get a
 * proper validation error instead of a truncated file. Shift_JIS exports are for legacy tools and
 * modest in size, and buffering works for cursors that cannot be read twice.
 */
import { PassThrough } from 'node:stream';
import type { Column, Rows } from './columns.js';
import { contentDisposition } from './content-disposition.js';
import { toCsv } from './csv.js';
import { writeXlsx } from './xlsx.js';

export type ExportKind = 'xlsx' | 'csv-utf8' | 'csv-sjis';

const FORMATS: Record<ExportKind, { contentType: string; extension: string }> = {
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  'csv-utf8': { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  'csv-sjis': { contentType: 'text/csv; charset=Shift_JIS', extension: 'csv' },
};

/** Pull-based, so a slow client slows the producer down, and cancelling stops the source. */
function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await it.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel(reason) {
      await it.return?.(reason);
    },
  });
}

function xlsxBody<T>(rows: Rows<T>, columns: readonly Column<T>[], sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  // Errors reach the client through the iterator; this listener only keeps a late one from being uncaught.
  out.on('error', () => {});
  writeXlsx(rows, columns, { sheetName, stream: out }).catch(() => {
    if (!out.destroyed) out.destroy();
  });
  return toWebStream(out);
}

/**
 * Rejects with `validation-failed` for a Shift_JIS export holding a character CP932 lacks;
 * other failures after the response has started abort the download.
 */
export async function exportResponse<T>(
  kind: ExportKind,
  filenameBase: string,
  rows: Rows<T>,
  columns: readonly Column<T>[],
  sheetName?: string,
): Promise<Response> {
  const { contentType, extension } = FORMATS[kind];
  let body: BodyInit;
  if (kind === 'xlsx') {
    body = xlsxBody(rows, columns, sheetName ?? filenameBase);
  } else if (kind === 'csv-utf8') {
    body = toWebStream(toCsv(rows, columns, { encoding: 'utf8-bom' }));
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of toCsv(rows, columns, { encoding: 'sjis' })) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(`${filenameBase}.${extension}`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
