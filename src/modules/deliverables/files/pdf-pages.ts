import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Page images of a PDF, drawn by poppler's `pdftoppm` (Debian poppler-utils, already used by the
 * tests' pdftotext): no JavaScript PDF renderer is vetted for this machine. The clear PDF exists
 * only as a temporary file (mode 600) for the time of the call.
 */
export async function withTempPdf<T>(tempDir: string, clear: Readable, fn: (file: string) => Promise<T>): Promise<T> {
  await fsp.mkdir(tempDir, { recursive: true });
  const file = path.join(tempDir, `${crypto.randomBytes(16).toString('hex')}.pdf`);
  try {
    await pipeline(clear, fs.createWriteStream(file, { mode: 0o600 }));
    return await fn(file);
  } finally {
    await fsp.rm(file, { force: true });
  }
}

/** The number of pages (pdfinfo), or 0 when poppler cannot read the file. */
export async function pageCount(file: string): Promise<number> {
  try {
    const { stdout } = await run('pdfinfo', [file], { timeout: 20_000 });
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** One page as a PNG about `width` pixels wide, with its size. */
export async function renderPage(file: string, page: number, width = 800): Promise<{ png: Buffer; width: number; height: number }> {
  const out = `${file}-p${page}`;
  try {
    await run('pdftoppm', ['-png', '-f', String(page), '-l', String(page), '-singlefile', '-scale-to-x', String(width), '-scale-to-y', '-1', file, out], { timeout: 60_000 });
    const png = await fsp.readFile(`${out}.png`);
    return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  } finally {
    await fsp.rm(`${out}.png`, { force: true });
  }
}

/**
 * The page image with the City's pinned comments drawn over it as numbered markers, as SVG
 * (the PNG embedded, so the image is one file the page shows with <img>).
 */
export function pinnedPageSvg(page: { png: Buffer; width: number; height: number }, pins: Array<{ n: number; x: number; y: number }>, title: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const marks = pins
    .map((p) => {
      const cx = Math.round(p.x * page.width);
      const cy = Math.round(p.y * page.height);
      return `<g class="pin" data-comment="${p.n}"><circle cx="${cx}" cy="${cy}" r="14" fill="#d0021b" stroke="#fff" stroke-width="3"/><text x="${cx}" y="${cy + 6}" text-anchor="middle" font-size="16" font-family="sans-serif" fill="#fff">${p.n}</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}" role="img"><title>${esc(title)}</title><image href="data:image/png;base64,${page.png.toString('base64')}" width="${page.width}" height="${page.height}"/>${marks}</svg>`;
}
