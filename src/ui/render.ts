/**
 * Rendering hono/jsx trees to HTML strings. `c.html(<jsx/>)` does not emit a doctype, so pages go
 * through `renderPage`, which does. A node's `toString()` may return a Promise when an async
 * component is involved; both functions await it.
 */

/** Anything hono/jsx produces: a JSX node, an escaped string, or a promise of one. */
export type Renderable = { toString(): string | Promise<string> } | Promise<{ toString(): string | Promise<string> }>;

/** Renders a JSX fragment (no doctype). */
export async function renderToString(node: Renderable): Promise<string> {
  const resolved = await node;
  return String(await resolved.toString());
}

/** Renders a whole page: `<!DOCTYPE html>` followed by the layout's `<html>` element. */
export async function renderPage(node: Renderable): Promise<string> {
  return '<!DOCTYPE html>' + (await renderToString(node));
}
