import type { AppContext } from '../../../platform/http/env.js';
import type { Program } from '../../programs/schema.js';
import { renderSiteHome } from '../../site/web/public.js';

/** The campaign's public top page (`/{slug}`): rendered by the site module (campaign website). */
export async function renderCampaignHome(c: AppContext, program: Program, period: string | null): Promise<Response> {
  return renderSiteHome(c, program, period);
}
