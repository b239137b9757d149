import type { AppContext } from '../../../platform/http/env.js';
import type { Locale } from '../../../platform/i18n/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { bannerImagePath } from '../banner-image.js';
import { defaultBody, type BannerView, type PageKey } from '../defaults.js';
import { siteMessages as m, type SiteMessageKey } from '../messages.js';
import { listLiveContents, type LiveContent } from '../queries.js';
import type { SiteContent, SiteContentVersion } from '../schema.js';
import { isSitePath } from '../validators.js';
import { ensurePresetBanners } from './presets.js';

/** A draft shown in place of (or in addition to) the live version, for the preview. */
export interface Draft {
  content: SiteContent;
  version: SiteContentVersion;
}

export const PAGE_TITLES: Record<PageKey, SiteMessageKey> = {
  howto: 'pageHowto',
  business: 'pageBusiness',
  faq: 'pageFaq',
  accessibility: 'pageAccessibility',
  privacy: 'pagePrivacy',
  contact: 'pageContact',
};

/** The live contents of some kinds, with the draft substituted for its content when previewing. */
export async function liveContents(c: AppContext, program: Program, kinds: Array<SiteContent['kind']>, draft?: Draft): Promise<LiveContent[]> {
  const live = await listLiveContents(c.get('deps').db, program.id, c.get('deps').clock.now(), kinds);
  if (!draft || !kinds.includes(draft.content.kind)) return live;
  return [...live.filter((l) => l.content.id !== draft.content.id), { content: draft.content, version: draft.version }];
}

export function titleOf(v: SiteContentVersion, locale: Locale): string {
  return locale === 'en' && v.titleEn ? v.titleEn : v.titleJa;
}

export function bodyOf(v: SiteContentVersion, locale: Locale): string {
  return locale === 'en' && v.bodyEn ? v.bodyEn : v.bodyJa;
}

/**
 * A content page's title and Markdown: the live (or previewed) version, else the built-in text.
 * An English page whose live version has no English body shows the built-in English text rather
 * than the Japanese one (a traveller gets the FAQ, how to use and contact in English).
 */
export async function pageContent(c: AppContext, program: Program, key: PageKey, draft?: Draft): Promise<{ title: string; body: string }> {
  const locale = c.get('locale');
  const live = (await liveContents(c, program, ['page'], draft)).find((l) => l.content.key === key);
  if (live && !(locale === 'en' && !live.version.bodyEn.trim())) return { title: titleOf(live.version, locale), body: bodyOf(live.version, locale) };
  return { title: m(locale, PAGE_TITLES[key]), body: defaultBody(key, locale) };
}

/** News, newest first. */
export async function newsItems(c: AppContext, program: Program, draft?: Draft) {
  const locale = c.get('locale');
  const live = await liveContents(c, program, ['news'], draft);
  return live
    .map((l) => ({ id: l.content.id, title: titleOf(l.version, locale), body: bodyOf(l.version, locale), at: l.version.publishAt ?? l.version.createdAt }))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
}

/** The published banners in their (approved) order; the three tourism banners are preset contents. */
export async function banners(c: AppContext, program: Program, draft?: Draft): Promise<BannerView[]> {
  const locale = c.get('locale');
  await ensurePresetBanners(c, program);
  const live = await liveContents(c, program, ['banner'], draft);
  return live
    .sort((a, b) => a.version.sortOrder - b.version.sortOrder || a.content.id - b.content.id)
    .map((l) => ({
      title: titleOf(l.version, locale),
      linkUrl: l.version.linkUrl,
      imageUrl: l.version.imageData ? bannerImagePath(program.slug, l.version.id) : isSitePath(l.version.imageUrl) ? l.version.imageUrl : '',
      alt: (locale === 'en' && l.version.altEn) || l.version.altJa || titleOf(l.version, locale),
    }));
}
