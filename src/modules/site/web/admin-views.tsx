import type { Child } from 'hono/jsx';
import type { AppContext } from '../../../platform/http/env.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { Button, Checkbox, FileField, Form, StatusBadge, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { MAX_BANNER_IMAGE_BYTES } from '../banner-image.js';
import type { Program } from '../../../platform/programs/schema.js';
import { PAGE_KEYS } from '../defaults.js';
import { sam } from '../messages.js';
import { CONTENT_KINDS, type ContentKind, type SiteContentVersion, type VersionStatus } from '../schema.js';

export const adminBase = (p: Program) => `/admin/site/${p.slug}`;

export const KIND_LABELS = Object.fromEntries(CONTENT_KINDS.map((k) => [k, sam(`kind.${k}`)])) as Record<ContentKind, string>;
export const PAGE_LABELS: Record<string, string> = Object.fromEntries(PAGE_KEYS.map((k) => [k, sam(`page.${k}`)]));
const TONE: Record<VersionStatus, 'neutral' | 'info' | 'success' | 'danger'> = { draft: 'neutral', pending: 'info', approved: 'success', rejected: 'danger' };

/**
 * A catalogue text with JSX in its placeholders: `withParts(sam('list.intro'), { link: <a …/> })`
 * (the text around the parts is escaped like any text).
 */
export function withParts(text: string, parts: Record<string, Child>): Child[] {
  return text.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece)).filter((p) => p !== '');
}

export function VersionStatusBadge({ v, live, now }: { v: SiteContentVersion; live: boolean; now: Date }) {
  const label = sam(`status.${v.status}`);
  const tone = TONE[v.status];
  const scheduled = v.status === 'approved' && v.publishAt && v.publishAt > now;
  return (
    <>
      <StatusBadge tone={tone}>{label}</StatusBadge>
      {live && <> <StatusBadge tone="success">{sam('status.live')}</StatusBadge></>}
      {scheduled && ` ${sam('status.scheduled', { at: tokyoDateTime(v.publishAt!) })}`}
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
      <TextField {...f('titleJa')} label={sam('draft.titleJa')} hint={kind === 'banner' ? sam('draft.titleJaBannerHint') : undefined} width="full" required />
      <TextField {...f('titleEn')} label={sam('draft.titleEn')} hint={sam('draft.titleEnHint')} width="full" />
      {kind !== 'banner' ? (
        <>
          <TextArea
            {...f('bodyJa')}
            label={sam('draft.bodyJa')}
            rows={12}
            hint={sam('draft.bodyJaHint')}
          />
          <TextArea {...f('bodyEn')} label={sam('draft.bodyEn')} rows={8} />
        </>
      ) : (
        <>
          <TextField {...f('linkUrl')} label={sam('draft.linkUrl')} hint={sam('draft.linkUrlHint')} type="url" width="full" required />
          {currentImage && (
            <p>
              {sam('draft.currentImage')}
              <br />
              <img src={currentImage} alt={sam('draft.currentImageAlt')} />
            </p>
          )}
          <FileField
            name="imageFile"
            label={sam(currentImage ? 'draft.replaceImage' : 'draft.imageFile')}
            hint={sam('draft.imageHint', { mb: MAX_BANNER_IMAGE_BYTES / 1024 / 1024, then: sam(currentImage ? 'draft.imageHintKeep' : 'draft.imageHintNone') })}
            accept=".png,.jpg,.jpeg,.gif,.webp,image/png,image/jpeg,image/gif,image/webp"
            error={errorFor(errors, 'imageFile')}
          />
          {currentImage && <Checkbox name="removeImage" label={sam('draft.removeImage')} checked={values.removeImage === 'true'} />}
          <TextField {...f('altJa')} label={sam('draft.altJa')} hint={sam('draft.altJaHint')} width="full" />
          <TextField {...f('altEn')} label={sam('draft.altEn')} width="full" />
          <TextField {...f('sortOrder')} label={sam('draft.sortOrder')} hint={sam('draft.sortOrderHint')} inputmode="numeric" width="sm" />
        </>
      )}
      <Button>{sam('draft.save')}</Button>
    </Form>
  );
}

export function versionValues(v: SiteContentVersion | undefined): Record<string, string> {
  if (!v) return {};
  return { titleJa: v.titleJa, titleEn: v.titleEn, bodyJa: v.bodyJa, bodyEn: v.bodyEn, linkUrl: v.linkUrl, imageUrl: v.imageUrl, altJa: v.altJa, altEn: v.altEn, sortOrder: String(v.sortOrder) };
}
