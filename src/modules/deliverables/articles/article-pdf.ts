import { pdfToBuffer } from '../../../platform/pdf/index.js';

export interface ArticleContent {
  title: string;
  groupName: string;
  speakerTitle: string;
  body: string;
  /** The photos (PNG or JPEG bytes) with their captions, placed two to a row after the body. */
  photos?: Array<{ bytes: Buffer; caption: string }>;
}

const PHOTO_HEIGHT = 170;
const CAPTION_SPACE = 30;

/**
 * The article as an A4 portrait PDF (Noto Sans JP, the platform's bundled font): title, group
 * and speaker, the body in paragraphs, then the photos two to a row with their captions under
 * them; about 1,500 characters and two photos fill one to two pages.
 */
export function renderArticlePdf(a: ArticleContent): Promise<Buffer> {
  return pdfToBuffer(
    (doc) => {
      doc.font('jp-bold').fontSize(18).text(a.title, { lineGap: 4 });
      doc.moveDown(0.5);
      doc.font('jp').fontSize(11).text(a.speakerTitle ? `${a.groupName}　${a.speakerTitle}` : a.groupName);
      doc.moveDown();
      for (const para of a.body.split(/\r?\n+/).filter((p) => p.trim())) {
        doc.font('jp').fontSize(10.5).text(para.trim(), { lineGap: 3, indent: 10.5, align: 'justify' });
        doc.moveDown(0.4);
      }
      const photos = a.photos ?? [];
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      const gap = 14;
      const cell = (width - gap) / 2;
      for (let i = 0; i < photos.length; i += 2) {
        doc.moveDown(0.6);
        if (doc.y + PHOTO_HEIGHT + CAPTION_SPACE > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const top = doc.y;
        photos.slice(i, i + 2).forEach((p, j) => {
          const x = left + j * (cell + gap);
          doc.image(p.bytes, x, top, { fit: [cell, PHOTO_HEIGHT], align: 'center', valign: 'center' });
          if (p.caption) doc.font('jp').fontSize(9).text(p.caption, x, top + PHOTO_HEIGHT + 4, { width: cell, align: 'center' });
        });
        doc.x = left;
        doc.y = top + PHOTO_HEIGHT + CAPTION_SPACE;
      }
    },
    { title: a.title, size: 'A4', layout: 'portrait', margin: 56 },
  );
}
