/** Tiny string-level HTML helpers for the UI tests (no DOM library needed). */
import { renderToString, type Renderable } from './render.js';

export const html = (node: Renderable): Promise<string> => renderToString(node);

/** The opening tag of the element with this id, or undefined. */
export function tagWithId(markup: string, id: string): string | undefined {
  const re = new RegExp(`<[a-zA-Z][\\w-]*\\b[^>]*\\sid="${escapeRe(id)}"[^>]*>`);
  return markup.match(re)?.[0];
}

/** Value of an attribute in an opening tag; undefined when absent. */
export function attr(tag: string | undefined, name: string): string | undefined {
  if (!tag) return undefined;
  const m = tag.match(new RegExp(`\\s${escapeRe(name)}="([^"]*)"`));
  return m?.[1];
}

/** Every opening tag of the given element name. */
export function tags(markup: string, name: string): string[] {
  return markup.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
}

export function count(markup: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return markup.split(needle).length - 1;
  return (markup.match(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g')) ?? []).length;
}

/** All id attribute values in the markup. */
export function ids(markup: string): string[] {
  return [...markup.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
