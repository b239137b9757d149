import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { slugSchema } from '../../../platform/programs/validators.js';
import { openSealedFile } from '../files/sealed-bytes.js';
import { apm } from '../public-messages.js';
import { findArticlePhoto, findPublishedArticle, listPublishedArticles, type PublishedArticleRow } from '../queries.js';
import { numberParam } from './load.js';

/**
 * The published interview articles on the program's public pages (ja and /en): the list and one
 * article with its photos (alt text, caption under each). Only what was published after 校了 is
 * shown: the snapshot taken then, never the draft being edited. The article is Japanese data: on
 * the English page it is marked `lang="ja"`.
 */
export const articlesPublic = new Hono<AppEnv>();

async function publicProgram(c: AppContext): Promise<Program> {
  const slug = c.req.param('slug') ?? '';
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program) throw new AppError('not-found');
  return program;
}

async function publishedArticle(c: AppContext): Promise<{ program: Program; article: PublishedArticleRow }> {
  const program = await publicProgram(c);
  const article = await findPublishedArticle(c.get('deps').db, program.id, numberParam(c, 'aid'));
  if (!article) throw new AppError('not-found');
  return { program, article };
}

const listHref = (c: AppContext, p: Program) => localHref(c, `/${p.slug}/articles`);

articlesPublic.get('/:slug/articles', async (c) => {
  const program = await publicProgram(c);
  const locale = c.get('locale');
  const articles = await listPublishedArticles(c.get('deps').db, program.id);
  return publicPage(c, {
    title: apm(locale, 'list'),
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: program.name, href: localHref(c, `/${program.slug}`) }, { label: apm(locale, 'list') }],
    children: (
      <>
        <p>{apm(locale, 'intro')}</p>
        {articles.length === 0 ? (
          <p>{apm(locale, 'none')}</p>
        ) : (
          <ul class="article-list">
            {articles.map((a) => (
              <li>
                <a href={localHref(c, `/${program.slug}/articles/${a.id}`)} lang="ja">
                  {a.published.title.replace(/\r?\n/g, ' ')}
                </a>
                <br />
                <span lang="ja">{a.published.groupName}</span>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  });
});

articlesPublic.get('/:slug/articles/:aid{[0-9]+}', async (c) => {
  const { program, article } = await publishedArticle(c);
  const locale = c.get('locale');
  const a = article.published;
  const title = a.title.replace(/\r?\n/g, ' ');
  return publicPage(c, {
    title,
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: program.name, href: localHref(c, `/${program.slug}`) }, { label: apm(locale, 'list'), href: listHref(c, program) }, { label: title }],
    children: (
      <article class="interview-article" lang="ja">
        <p class="interview-article__group">{a.speakerTitle ? `${a.groupName}　${a.speakerTitle}` : a.groupName}</p>
        <p class="interview-article__date" lang={locale}>
          {apm(locale, 'published', { date: tokyoDate(article.publishedAt) })}
        </p>
        {a.body
          .split(/\r?\n+/)
          .filter((p) => p.trim())
          .map((p) => (
            <p>{p.trim()}</p>
          ))}
        {a.photos.map((p) => (
          <figure class="interview-article__photo">
            <img src={localHref(c, `/${program.slug}/articles/${article.id}/photos/${p.id}`)} alt={p.alt} loading="lazy" />
            {p.caption && <figcaption>{p.caption}</figcaption>}
          </figure>
        ))}
        <p lang={locale}>
          <a href={listHref(c, program)}>{apm(locale, 'back')}</a>
        </p>
      </article>
    ),
  });
});

/** A photo of a published article (only one the published snapshot shows). */
articlesPublic.get('/:slug/articles/:aid{[0-9]+}/photos/:pid{[0-9]+}', async (c) => {
  const { program, article } = await publishedArticle(c);
  const photoId = numberParam(c, 'pid');
  const photo = article.published.photos.some((p) => p.id === photoId) ? await findArticlePhoto(c.get('deps').db, article.hearingId, photoId) : undefined;
  if (!photo) throw new AppError('not-found');
  const deps = c.get('deps');
  const stream = await openSealedFile(deps, deps.db, program.id, photo);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { 'Content-Type': photo.contentType, 'Content-Length': String(photo.size), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
  });
});
