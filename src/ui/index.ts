/** The design-system layer: layouts, components, rendering and the static files they need. */
export * from './components/index.js';
export * from './layouts/index.js';
export { renderPage, renderToString, type Renderable } from './render.js';
export { assetUrls, isStaticFileName, staticFiles, type StaticFile, type StaticFileName } from './static/index.js';
export { uiMessages } from './messages.js';
