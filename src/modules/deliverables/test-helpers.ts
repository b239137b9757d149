import type { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pdfToBuffer } from '../../platform/pdf/index.js';

/** A real PDF of `pages` A4 pages, each saying its number (for page images and pdftotext). */
export function samplePdf(pages = 2, label = '校正テスト'): Promise<Buffer> {
  return pdfToBuffer((doc) => {
    for (let i = 1; i <= pages; i++) {
      if (i > 1) doc.addPage();
      doc.fontSize(24).text(`${label} ${i}ページ`);
    }
  }, { title: label });
}

/** Posts a version (multipart `file`, `note`) with a bearer token. */
export function uploadVersion(app: Hono<AppEnv>, token: string, id: number, bytes: Uint8Array, filename = 'flyer.pdf', note = ''): Promise<Response> {
  const form = new FormData();
  form.set('note', note);
  form.set('file', new Blob([new Uint8Array(bytes)]), filename);
  return Promise.resolve(app.request(`/api/v1/deliverables/${id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }));
}
