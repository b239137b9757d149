/**
 * A small, safe Markdown subset for site content: `#`/`##`/`###` headings (rendered h2–h4, the page
 * owns the h1), paragraphs, `-`/`*` and `1.` lists, `[text](url)` links, `**strong**`, `*em*`.
 * Output is JSX, so every character of the source is escaped; a link is kept only when its URL is
 * http(s) or relative — anything else (javascript:, data:, //host) is shown as plain text.
 */
import type { Child } from 'hono/jsx';
import { hasAmbiguousUrlText, isLocalPath } from '../../platform/http/local-path.js';

type Block = { kind: 'h'; level: number; text: string } | { kind: 'p'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

export function parseBlocks(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[] } | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join('\n') });
    para = [];
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const h = /^(#{1,3})\s+(.*)$/.exec(line);
    const ul = /^\s*[-*]\s+(.*)$/.exec(line);
    const ol = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (h) {
      flush();
      blocks.push({ kind: 'h', level: h[1]!.length, text: h[2]! });
    } else if (ul || ol) {
      const kind = ul ? 'ul' : 'ol';
      if (para.length || (list && list.kind !== kind)) flush();
      list ??= { kind, items: [] };
      list.items.push((ul ?? ol)![1]!);
    } else if (list) list.items[list.items.length - 1] += ' ' + line.trim();
    else para.push(line);
  }
  flush();
  return blocks;
}

/**
 * http(s), or a path on this site; never another scheme, a protocol-relative URL, or a form a
 * browser reads as one (`/\evil.example`, `/%5cevil.example`, a tab or newline inside:
 * platform/http/local-path.ts).
 */
export function isSafeHref(url: string): boolean {
  const u = url.trim();
  if (!u || hasAmbiguousUrlText(u)) return false;
  if (/^https?:\/\/[^\s]+$/i.test(u)) return true;
  if (u.startsWith('/')) return isLocalPath(u);
  return /^[^:\s]*$/.test(u);
}

const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*/g;

export function renderInline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(isSafeHref(m[2]!) ? <a href={m[2]!.trim()}>{m[1]}</a> : m[0]);
    else if (m[3] !== undefined) out.push(<strong>{m[3]}</strong>);
    else out.push(<em>{m[4]}</em>);
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i === 0 ? renderInline(l) : [<br />, ...renderInline(l)]))}</>;
}

/** The rendered content body (the same component serves the preview and the public page). */
export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseBlocks(source).map((b) => {
        if (b.kind === 'h') {
          const cls = b.level === 1 ? 'app-heading-2' : 'app-heading-3';
          return b.level === 1 ? <h2 class={cls}>{renderInline(b.text)}</h2> : b.level === 2 ? <h3 class={cls}>{renderInline(b.text)}</h3> : <h4>{renderInline(b.text)}</h4>;
        }
        if (b.kind === 'p') return <p>{<Lines text={b.text} />}</p>;
        const items = b.items.map((it) => <li>{renderInline(it)}</li>);
        return b.kind === 'ul' ? <ul>{items}</ul> : <ol>{items}</ol>;
      })}
    </>
  );
}
