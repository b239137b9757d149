import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { pdfResponse, type Pdf } from '../../../platform/pdf/index.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { businessPage } from './business-page.js';
import { campaignProgram } from './load.js';

/** Paragraphs of a settings text; a line starting with `# ` is a heading. */
function blocks(text: string): Array<{ heading: boolean; text: string }> {
  return text
    .split(/\n{2,}|\n(?=# )/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => (b.startsWith('# ') ? { heading: true, text: b.slice(2) } : { heading: false, text: b }));
}

const DOCS = {
  terms: { title: cm('term.terms'), key: 'termsText' as const, empty: cm('doc.termsEmpty') },
  manual: { title: cm('term.manual'), key: 'manualText' as const, empty: cm('doc.manualEmpty') },
};

function writePdf(doc: Pdf, title: string, text: string) {
  doc.font('jp-bold').fontSize(16).text(title, { align: 'center' }).moveDown();
  for (const b of blocks(text)) {
    doc.font(b.heading ? 'jp-bold' : 'jp').fontSize(b.heading ? 13 : 10.5).text(b.text).moveDown(0.6);
  }
}

export const businessDocuments = new Hono<AppEnv>();

for (const [path, d] of Object.entries(DOCS)) {
  businessDocuments.get(`/:slug/business/${path}`, async (c) => {
    const program = await campaignProgram(c, c.req.param('slug'));
    const text = campaignConfig(program)[d.key];
    return businessPage(c, program, {
      title: d.title,
      breadcrumbs: [{ label: d.title }],
      children: (
        <>
          {text ? blocks(text).map((b) => (b.heading ? <h2>{b.text}</h2> : <p>{b.text}</p>)) : <p>{d.empty}</p>}
          <p>
            <a href={`/${program.slug}/business/${path}.pdf`}>{cm('doc.download', { title: d.title })}</a>
          </p>
        </>
      ),
    });
  });
  businessDocuments.get(`/:slug/business/${path}.pdf`, async (c) => {
    const program = await campaignProgram(c, c.req.param('slug'));
    const text = campaignConfig(program)[d.key];
    return pdfResponse(`${d.title}_${program.slug}`, (doc) => writePdf(doc, `${program.name} ${d.title}`, text || d.empty), { title: d.title });
  });
}
