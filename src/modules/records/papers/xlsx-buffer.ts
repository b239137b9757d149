import { PassThrough } from 'node:stream';
import { contentDisposition, writeXlsxWorkbook, type XlsxSheet } from '../../../platform/exports/index.js';

/** A small workbook of several sheets, whole in memory (reports and accounts: a few hundred rows). */
export async function xlsxBuffer<S extends readonly unknown[]>(sheets: { readonly [K in keyof S]: XlsxSheet<S[K]> }): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  await writeXlsxWorkbook<S>(sheets, stream);
  await ended;
  return Buffer.concat(chunks);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download of bytes (xlsx or PDF) named in Japanese. */
export function fileDownload(bytes: Buffer, filename: string, type: 'xlsx' | 'pdf' | string, inline = false): Response {
  const contentType = type === 'xlsx' ? XLSX : type === 'pdf' ? 'application/pdf' : type;
  const disposition = contentDisposition(filename);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': inline ? disposition.replace(/^attachment/, 'inline') : disposition,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
