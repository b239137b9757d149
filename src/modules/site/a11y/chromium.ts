import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sam } from '../messages.js';
import type { AxePageReport, PageLoader } from './axe-runner.js';

/** Debian's Chromium; the server never downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A run that cannot go on, with the Japanese reason recorded on the run. */
export class A11yRunError extends Error {}

const require = createRequire(import.meta.url);

/** The installed axe-core's version ('4.13.0'), named as the checker of an automated test. */
export function axeVersion(): string {
  return (require('axe-core/package.json') as { version: string }).version;
}

/**
 * Runs axe on the page (WCAG 2.0 A/AA rules) and keeps what the runner reads. A string, not a
 * function: functions are serialized from their compiled source, which tsx decorates with helpers
 * the page does not have (`__name`).
 */
const AXE_RUN = `(async () => {
  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
  const slim = (rules) => rules.map((x) => ({ id: x.id, tags: x.tags, nodes: x.nodes.map(() => 0) }));
  return { violations: slim(r.violations), passes: slim(r.passes), inapplicable: slim(r.inapplicable) };
})()`;

/**
 * Opens headless Chromium (playwright-core, as the browser tests do), hands `fn` a loader that
 * opens a URL and runs axe-core in it (WCAG 2.0 A/AA rules), and closes the browser. No Chromium
 * at `executablePath` (or no playwright-core) is an A11yRunError with a Japanese message.
 */
export async function withChromiumLoader<T>(fn: (load: PageLoader) => Promise<T>, executablePath = CHROMIUM_PATH): Promise<T> {
  if (!fs.existsSync(executablePath)) throw new A11yRunError(sam('a11y.noChromium', { path: executablePath }));
  let chromium: typeof import('playwright-core').chromium;
  let axeSource: string;
  try {
    ({ chromium } = await import('playwright-core'));
    axeSource = (require('axe-core') as { source: string }).source;
  } catch {
    throw new A11yRunError(sam('a11y.noPlaywright'));
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch {
    throw new A11yRunError(sam('a11y.chromiumFailed', { path: executablePath }));
  }
  try {
    // The site's CSP allows no inline script; the check's own script is let in, the page's are not touched.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const load: PageLoader = async (url) => {
      const page = await context.newPage();
      try {
        const res = await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => null);
        if (!res) throw new A11yRunError(sam('a11y.pageUnreachable', { url }));
        if (res.status() !== 200) throw new A11yRunError(sam('a11y.pageStatus', { url, status: res.status() }));
        await page.evaluate(axeSource);
        return (await page.evaluate(AXE_RUN)) as AxePageReport;
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    return await fn(load);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
