import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { contentDisposition } from '../exports/index.js';

const require = createRequire(import.meta.url);

/** Noto Sans JP from the npm font package: one weight each, loaded by path (pdfkit subsets it). */
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
};

export type Pdf = InstanceType<typeof PDFDocument>;

/**
 * A new A4 (or A3) document with the Japanese font registered as `jp` and `jp-bold` and selected.
 * `title` goes into the document metadata (screen readers and the browser tab show it).
 */
export function createPdf(opts: { title: string; size?: 'A4' | 'A3'; layout?: 'portrait' | 'landscape'; margin?: number } = { title: '' }): Pdf {
  const doc = new PDFDocument({
    size: opts.size ?? 'A4',
    layout: opts.layout ?? 'portrait',
    margin: opts.margin ?? 50,
    info: { Title: opts.title, Producer: 'jimukyoku', Creator: 'jimukyoku' },
    lang: 'ja-JP',
    displayTitle: true,
    bufferPages: true,
  });
  doc.registerFont('jp', FONTS.regular);
  doc.registerFont('jp-bold', FONTS.bold);
  doc.font('jp');
  return doc;
}

/** Renders a document into a Buffer. */
export async function pdfToBuffer(build: (doc: Pdf) => void | Promise<void>, opts: Parameters<typeof createPdf>[0]): Promise<Buffer> {
  const doc = createPdf(opts);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await build(doc);
  doc.end();
  return done;
}

/** A download response for a PDF built by `build`, named in Japanese (RFC 6266). */
export async function pdfResponse(filenameBase: string, build: (doc: Pdf) => void | Promise<void>, opts: Parameters<typeof createPdf>[0], inline = false): Promise<Response> {
  const buffer = await pdfToBuffer(build, opts);
  const disposition = contentDisposition(`${filenameBase}.pdf`);
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': inline ? disposition.replace(/^attachment/, 'inline') : disposition,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

