import type { AppContext } from '../../../platform/http/env.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { Button, Checkbox, FileField, Form, StatusBadge, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { MAX_BANNER_IMAGE_BYTES } from '../banner-image.js';
import type { Program } from '../../../platform/programs/schema.js';
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

/**
 * The edit form of a version (pages and news: title and body; banners: title, link, uploaded
 * image, alt text and order). `currentImage` is the image a new banner draft keeps by default.
 */
export function DraftForm({ c, action, kind, values, errors, currentImage }: { c: AppContext; action: string; kind: ContentKind; values: Record<string, string>; errors: SummaryError[]; currentImage?: string }) {
  const f = (name: string) => ({ name, value: values[name] ?? '', error: errorFor(errors, name) });
  return (
    <Form action={action} csrfToken={csrfToken(c)} enctype={kind === 'banner' ? 'multipart/form-data' : undefined}>
      {values.key !== undefined && <input type="hidden" name="key" value={values.key} />}
      <input type="hidden" name="kind" value={kind} />
      <TextField {...f('titleJa')} label="タイトル（日本語）" hint={kind === 'banner' ? '画像がないときはこの文字がリンクになります' : undefined} width="full" required />
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
          {currentImage && (
            <p>
              現在の画像：
              <br />
              <img src={currentImage} alt="現在のバナー画像" />
            </p>
          )}
          <FileField
            name="imageFile"
            label={currentImage ? '画像を差し替える' : '画像ファイル'}
            hint={`PNG・JPEG・GIF・WebP、${MAX_BANNER_IMAGE_BYTES / 1024 / 1024}MB以下。画像はこのサイトから配信します（外部サイトの画像は表示できません）。${currentImage ? '選ばなければ現在の画像のままです。' : '選ばなければ文字のバナーになります。'}`}
            accept=".png,.jpg,.jpeg,.gif,.webp,image/png,image/jpeg,image/gif,image/webp"
            error={errorFor(errors, 'imageFile')}
          />
          {currentImage && <Checkbox name="removeImage" label="画像を外して文字のバナーにする" checked={values.removeImage === 'true'} />}
          <TextField {...f('altJa')} label="画像の代替テキスト（日本語）" hint="画像に書かれている文字をそのまま入力します（画像があるときは必須）" width="full" />
          <TextField {...f('altEn')} label="画像の代替テキスト（英語）" width="full" />
          <TextField {...f('sortOrder')} label="表示順" hint="小さい数字ほど先に表示します（0〜9999）" inputmode="numeric" width="sm" />
        </>
      )}
      <Button>下書きを保存する</Button>
    </Form>
  );
}

export function versionValues(v: SiteContentVersion | undefined): Record<string, string> {
  if (!v) return {};
  return { titleJa: v.titleJa, titleEn: v.titleEn, bodyJa: v.bodyJa, bodyEn: v.bodyEn, linkUrl: v.linkUrl, imageUrl: v.imageUrl, altJa: v.altJa, altEn: v.altEn, sortOrder: String(v.sortOrder) };
}
