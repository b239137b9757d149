import type { AppContext } from '../../../platform/http/env.js';
import { NotificationBanner } from '../../../ui/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Markdown } from '../markdown.js';
import { siteMessages as m } from '../messages.js';
import type { FacilityIndex } from '../search/facility-index.js';
import { banners, newsItems, type Draft } from './content.js';
import { dateLabel } from './format.js';
import { siteHtml, sitePath } from './layout.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { campaignEndedOn, campaignPeriodLine } from '../public-dates.js';
import { lotteryNotice } from '../../surveys/index.js';

const yen = (n: number) => n.toLocaleString('ja-JP');

/** The campaign's top page: period, the discount in plain words, how to use, status, news, banners. */
export async function homePageHtml(c: AppContext, program: Program, index: FacilityIndex, draft?: Draft): Promise<string> {
  const locale = c.get('locale');
  const counts = index.counts();
  const news = await newsItems(c, program, draft);
  const links = await banners(c, program, draft);
  const lottery = await lotteryNotice(c.get('deps').db, program, locale);
  const endedOn = campaignEndedOn(program, tokyoDate(c.get('deps').clock.now()));
  const tokyo = (d: Date) => dateLabel(locale, new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10));
  return siteHtml(c, program, {
    title: program.name,
    nav: 'top',
    notice: draft ? <NotificationBanner kind="info" locale={locale} title={m(locale, 'previewBanner')} /> : undefined,
    children: (
      <>
        <p>{campaignPeriodLine(program, locale)}</p>
        {endedOn && <p class="app-lead">{m(locale, 'campaignEnded', { date: dateLabel(locale, endedOn) })}</p>}
        <h2 class="app-heading-2">{m(locale, 'discountHeading')}</h2>
        <p>
          {m(locale, 'discount', {
            rate: programSetting(program, 'discountRate', 50),
            cap: yen(programSetting(program, 'capPerPersonNight', 5000)),
            min: yen(programSetting(program, 'minPricePerPersonNight', 3000)),
            nights: programSetting(program, 'maxNights', 7),
          })}
        </p>
        <h2 class="app-heading-2">{m(locale, 'howtoHeading')}</h2>
        <ol>
          <li>{m(locale, 'howtoStep1')}</li>
          <li>{m(locale, 'howtoStep2')}</li>
          <li>{m(locale, 'howtoStep3')}</li>
        </ol>
        <p>
          <a href={sitePath(c, program, '/howto')}>{m(locale, 'howtoMore')}</a>
        </p>
        <h2 class="app-heading-2">{m(locale, 'statusHeading')}</h2>
        <p>{counts.total === 0 ? m(locale, 'statusNone') : m(locale, 'statusText', counts)}</p>
        <p>
          <a class="dads-button" data-type="solid-fill" data-size="md" href={sitePath(c, program, '/facilities')}>
            {m(locale, 'searchCta')}
          </a>
        </p>
        {lottery && (
          <>
            <h2 class="app-heading-2">{lottery.heading}</h2>
            <p>
              {lottery.text} <code>{lottery.seedHash}</code>
            </p>
            <p>
              <a href={sitePath(c, program, lottery.procedurePath)}>{lottery.procedureLabel}</a>
            </p>
          </>
        )}
        <h2 class="app-heading-2">{m(locale, 'newsHeading')}</h2>
        {news.length === 0 ? (
          <p>{m(locale, 'newsNone')}</p>
        ) : (
          <ul class="app-card-list">
            {news.map((n) => (
              <li class="app-card">
                <h3 class="app-heading-3">{n.title}</h3>
                <p>
                  <time datetime={n.at.toISOString()}>{tokyo(n.at)}</time>
                </p>
                <div data-content-body="">
                  <Markdown source={n.body} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {links.length > 0 && (
          <>
            <h2 class="app-heading-2">{m(locale, 'bannersHeading')}</h2>
            <ul class="app-card-list">
              {links.map((b) => (
                <li class="app-card">
                  <a href={b.linkUrl}>{b.imageUrl ? <img src={b.imageUrl} alt={b.alt} /> : b.title}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    ),
  });
}
