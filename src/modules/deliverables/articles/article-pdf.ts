import { pdfToBuffer } from '../../../platform/pdf/index.js';

export interface ArticleContent {
  title: string;
  groupName: string;
  speakerTitle: string;
  body: string;
}

/**
 * The article as an A4 portrait PDF (Noto Sans JP, the platform's bundled font): title, group
 * and speaker, then the body in paragraphs; about 1,500 characters fill one to two pages.
 * Photos are not placed yet (see docs/modules/deliverables.md).
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
    },
    { title: a.title, size: 'A4', layout: 'portrait', margin: 56 },
  );
}
