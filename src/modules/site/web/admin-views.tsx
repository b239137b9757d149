import type { AppContext } from '../../../platform/http/env.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { Button, Form, StatusBadge, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../programs/schema.js';
import type { ContentKind, SiteContentVersion, VersionStatus } from '../schema.js';

export const adminBase = (p: Program) => `/admin/site/${p.slug}`;

export const KIND_LABELS: Record<ContentKind, string> = { page: 'ページ', news: 'お知らせ', banner: 'バナー' };
export const PAGE_LABELS: Record<string, string> = {
  howto: 'ご利用方法（旅行者向け）',
  business: '事業者の方へ',
  faq: 'よくある質問',
  accessibility: 'ウェブアクセシビリティ方針',
  privacy: 'プライバシーポリシー',
  contact: 'お問い合わせ',
};
const STATUS: Record<VersionStatus, [string, 'neutral' | 'info' | 'success' | 'danger']> = {
  draft: ['下書き', 'neutral'],
  pending: ['承認待ち', 'info'],
  approved: ['承認済み', 'success'],
  rejected: ['差し戻し', 'danger'],
};

export function VersionStatusBadge({ v, live, now }: { v: SiteContentVersion; live: boolean; now: Date }) {
  const [label, tone] = STATUS[v.status];
  const scheduled = v.status === 'approved' && v.publishAt && v.publishAt > now;
  return (
    <>
      <StatusBadge tone={tone}>{label}</StatusBadge>
      {live && <> <StatusBadge tone="success">公開中</StatusBadge></>}
      {scheduled && ` ${tokyoDateTime(v.publishAt!)} に公開予定`}
    </>
  );
}

/** The newest approved version whose time has come (what the public sees). */
export function liveVersionId(versions: readonly SiteContentVersion[], now: Date): number | null {
  const live = versions.filter((v) => v.status === 'approved' && v.publishAt && v.publishAt <= now).sort((a, b) => b.number - a.number)[0];
  return live?.id ?? null;
}

/** The edit form of a version (pages and news: title and body; banners: title, link, image, alt). */
export function DraftForm({ c, action, kind, values, errors }: { c: AppContext; action: string; kind: ContentKind; values: Record<string, string>; errors: SummaryError[] }) {
  const f = (name: string) => ({ name, value: values[name] ?? '', error: errorFor(errors, name) });
  return (
    <Form action={action} csrfToken={csrfToken(c)}>
      {values.key !== undefined && <input type="hidden" name="key" value={values.key} />}
      <input type="hidden" name="kind" value={kind} />
      <TextField {...f('titleJa')} label="タイトル（日本語）" width="full" required />
      <TextField {...f('titleEn')} label="タイトル（英語）" hint="空欄のときは英語ページにも日本語を表示します" width="full" />
      {kind !== 'banner' ? (
        <>
          <TextArea
            {...f('bodyJa')}
            label="本文（日本語）"
            rows={12}
            hint="「# 」で始まる行は見出し、「- 」は箇条書き、「1. 」は番号付きリスト、[文字](https://…) はリンク、**文字** は強調。空行で段落を分けます。"
          />
          <TextArea {...f('bodyEn')} label="本文（英語）" rows={8} />
        </>
      ) : (
        <>
          <TextField {...f('linkUrl')} label="リンク先URL" hint="https:// で始まるURL" type="url" width="full" required />
          <TextField {...f('imageUrl')} label="画像URL" hint="空欄のときは文字のバナーになります" type="url" width="full" />
          <TextField {...f('altJa')} label="画像の代替テキスト（日本語）" hint="画像に書かれている文字をそのまま入力します" width="full" />
          <TextField {...f('altEn')} label="画像の代替テキスト（英語）" width="full" />
        </>
      )}
      <Button>下書きを保存する</Button>
    </Form>
  );
}

export function versionValues(v: SiteContentVersion | undefined): Record<string, string> {
  if (!v) return {};
  return { titleJa: v.titleJa, titleEn: v.titleEn, bodyJa: v.bodyJa, bodyEn: v.bodyEn, linkUrl: v.linkUrl, imageUrl: v.imageUrl, altJa: v.altJa, altEn: v.altEn };
}
