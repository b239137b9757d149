import { fileURLToPath } from 'node:url';

/**
 * A path under the project's root. This file sits one directory below the root, as does the server
 * bundle that `npm start` runs (dist/), so the same relative URL holds for both.
 */
export const fromRoot = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));
