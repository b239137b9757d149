import { AppError } from '../errors/index.js';
import { MAX_ID, parseId } from '../ids.js';
import type { AppContext } from './env.js';

/**
 * A route's numeric id parameter (`:id`, `:vid`, `:facility`…), parsed in one place for every
 * route: an id no record can have (not decimal digits, 0, beyond 2^31-1, or `max` for a `bigint`
 * id column: MAX_BIG_ID) is 404, never a query. The route walk (test/platform/route-walk.ts) tries
 * every such parameter with impossible ids.
 */
export function idParam(c: AppContext, name = 'id', max = MAX_ID): number {
  const id = parseId(c.req.param(name), max);
  if (id === undefined) throw new AppError('not-found');
  return id;
}

/** An id in a query filter (`?facility=`): undefined when absent or impossible (the filter is then not applied). */
export function idQuery(text: string | undefined): number | undefined {
  return parseId(text?.trim());
}

/** A page number from the query (`?page=`): 1 when absent or not a page a list can have. */
export function pageQuery(text: string | undefined): number {
  return parseId(text?.trim()) ?? 1;
}
