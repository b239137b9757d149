/**
 * What a page shows until the secretariat publishes its own text (with the City's approval), and
 * the three tourism banners the specification asks for (§6-2-5), preset as real banner contents.
 * The banner URLs are the sites' known addresses but are TO BE CONFIRMED with the City before launch.
 */
import type { Locale } from '../../platform/i18n/index.js';

export const PAGE_KEYS = ['howto', 'business', 'faq', 'accessibility', 'privacy', 'contact'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/**
 * The content key of a page's URL segment. The page for businesses lives at `for-business`,
 * because `/{slug}/business` is the business portal of the campaign module.
 */
export const pageKeyOfSegment = (segment: string): string => (segment === 'for-business' ? 'business' : segment);

export function isPageKey(k: string): k is PageKey {
  return (PAGE_KEYS as readonly string[]).includes(k);
}

const DEFAULT_BODIES: Record<PageKey, Record<Locale, string>> = {
  howto: {
    ja: '# 割引を受けるには\n1. [参加施設の一覧](facilities)で、泊まりたい施設を探します。\n2. 施設に予約します。予約の方法は施設ごとに異なります。\n3. 宿泊料金を支払うときに、割引後の料金を支払います。\n\n# ご注意\n- **販売終了**と表示された施設では、割引を受けられません。\n- 予算がなくなり次第、キャンペーンは終了します。',
    en: '# How to get the discount\n1. Find a facility in the [list of participating facilities](facilities).\n2. Book your stay with the facility. Each facility has its own booking method.\n3. Pay the discounted price when you pay for your stay.\n\n# Please note\n- Facilities marked **Sold out** no longer offer the discount.\n- The campaign ends when its budget is used up.',
  },
  business: {
    ja: '# 参加事業者の募集\n仙台市内の宿泊施設を運営する事業者の方は、キャンペーンに参加できます。募集要項をご確認のうえ、参加申請をしてください。\n\n# 参加後の手続き\n- 割引した宿泊の実績を報告します。\n- 月末に締めて、割引相当分をお支払いします。',
    en: '# Taking part\nBusinesses that run accommodation in Sendai City can take part in the campaign. Please read the terms and apply.\n\n# After registration\n- Report the discounted stays.\n- The discounts are reimbursed after each month-end close.',
  },
  faq: {
    ja: '# 誰が利用できますか\nどなたでも利用できます。\n\n# 割引はいくらですか\nトップページの「割引の内容」をご覧ください。\n\n# 販売終了とは何ですか\nその施設に割り当てられた割引の予算がなくなったことを示します。\n\n# ローマ字で施設を探せますか\nできます。[参加施設の一覧](facilities)のキーワードに、施設名をローマ字（例：Akiu）で入力してください。',
    en: '# Who can use the campaign?\nAnyone.\n\n# How much is the discount?\nSee "The discount" on the top page.\n\n# What does "sold out" mean?\nThe discount budget allotted to that facility has been used up.\n\n# Can I search in English?\nYes. Type the facility\'s name in Latin letters (for example Akiu or akiu onsen) as a keyword on the [list of participating facilities](facilities). Each facility is shown with its name in Latin letters.\n\n# Can I ask questions in English?\nThe secretariat answers in Japanese. See [Contact](contact).',
  },
  accessibility: {
    ja: 'このウェブサイトは、総務省「みんなの公共サイト運用ガイドライン（2024年版）」に基づき、高齢者や障害のある方を含む誰もが利用しやすいよう、ウェブアクセシビリティの確保と向上に取り組んでいます。',
    en: 'Following the Ministry of Internal Affairs and Communications guideline for public websites (2024 edition), this site aims to be usable by everyone, including older people and people with disabilities.',
  },
  privacy: {
    ja: '# 個人情報の取扱い\nこのウェブサイトで取得した個人情報は、キャンペーンの運営のためにのみ利用し、法令に基づく場合を除き第三者に提供しません。\n\n# アクセスの記録\nこのウェブサイトは、閲覧者を特定する目的でのクッキーやアクセス解析を使用していません。',
    en: '# Personal information\nPersonal information collected on this site is used only to run the campaign and is not given to third parties except where the law requires it.\n\n# Access records\nThis site uses no cookies or analytics to identify visitors.',
  },
  contact: {
    ja: 'キャンペーンについてのお問い合わせは、事務局までお寄せください。',
    en: 'For questions about the campaign, please contact the secretariat (in Japanese).',
  },
};

export function defaultBody(key: PageKey, locale: Locale): string {
  return DEFAULT_BODIES[key][locale];
}

export interface BannerView {
  title: string;
  linkUrl: string;
  /** A path on this site ('' for a text banner). */
  imageUrl: string;
  alt: string;
}

/**
 * The three tourism sites, preset as banner contents of every campaign (commands/preset-banners.ts).
 * URLs to be confirmed with the City; operators change them like any banner.
 */
export const DEFAULT_BANNERS: Array<{ key: string; titleJa: string; titleEn: string; linkUrl: string }> = [
  { key: 'banner-sentabi', titleJa: 'せんだい旅日和', titleEn: 'Sendai Tabibiyori (Sendai tourism guide)', linkUrl: 'https://www.sentabi.jp/' },
  { key: 'banner-experience', titleJa: '仙台旅先体験コレクション', titleEn: 'Sendai Experience Collection', linkUrl: 'https://www.sentabi.jp/experience/' },
  { key: 'banner-yorujikan', titleJa: '仙台夜時間', titleEn: 'Sendai Night Time', linkUrl: 'https://www.sentabi.jp/yorujikan/' },
];
