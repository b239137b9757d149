/**
 * The mail template: every mail is written once as plain text (the modules' message catalogues)
 * and sent as multipart/alternative with a simple HTML part made from that text. Everything in
 * the text is escaped; blank lines make paragraphs, line breaks stay, and http(s) addresses become
 * links. No images, no remote content, no styles that need the network.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** http(s) addresses up to whitespace or a character that cannot end one here. */
const URL = /https?:\/\/[^\s<>"'、。「」（）()]+/g;

function inline(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL)) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    out += escapeHtml(line.slice(last, m.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = m.index! + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

export function textToHtml(text: string, opts: { title: string; lang?: 'ja' | 'en' }): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').map(inline).join('<br>\n')}</p>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${opts.lang ?? 'ja'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(opts.title)}</title></head>`,
    '<body>',
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The two parts of a mail from its plain text: what queueMail stores when no HTML is given. */
export function renderMail(input: { subject: string; text: string; lang?: 'ja' | 'en' }): RenderedMail {
  return { subject: input.subject, text: input.text, html: textToHtml(input.text, { title: input.subject, lang: input.lang }) };
}
