import type { AppContext } from '../../../platform/http/env.js';
import { DescriptionList, NotificationBanner, Table } from '../../../ui/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { CRITERIA } from '../a11y/criteria.js';
import { latestApprovedA11yTest } from '../a11y-queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { PageKey } from '../defaults.js';
import { Markdown } from '../markdown.js';
import { siteMessages as m } from '../messages.js';
import { pageContent, type Draft } from './content.js';
import { dateLabel } from './format.js';
import { siteHtml, sitePath, type NavKey } from './layout.js';
import { CallCenterContact, faqSection } from '../../calls/index.js';

const NAV_OF: Partial<Record<PageKey, NavKey>> = { howto: 'howto', business: 'business', faq: 'faq', contact: 'contact' };

type ApprovedA11y = Awaited<ReturnType<typeof latestApprovedA11yTest>>;

/** One criterion's result over every page tested: fail when any page fails, then pass, then not applicable. */
function criterionResult(locale: Locale, results: Array<{ result: string }>): string {
  const failing = results.filter((r) => r.result === 'fail').length;
  if (failing) return m(locale, 'a11yResultFail', { n: failing });
  if (results.some((r) => r.result === 'pass')) return m(locale, 'a11yResultPass');
  if (results.length) return m(locale, 'a11yResultNa');
  return m(locale, 'a11yResultUntested');
}

/**
 * The policy's facts and the results of the newest test the City approved; until one is approved,
 * a line saying the results are being prepared (seed 002 §6-2-8(3)).
 */
function AccessibilityFacts({ c, program, approved }: { c: AppContext; program: Program; approved: ApprovedA11y }) {
  const locale = c.get('locale');
  return (
    <>
      <DescriptionList
        items={[
          { term: m(locale, 'a11yTarget'), detail: m(locale, 'a11yTargetValue') },
          { term: m(locale, 'a11yScope'), detail: m(locale, 'a11yScopeValue', { path: sitePath(c, program) }) },
          ...(approved
            ? [
                { term: m(locale, 'a11yTestedOn'), detail: dateLabel(locale, approved.test.testedOn) },
                { term: m(locale, 'a11yStandard'), detail: approved.test.standard },
                { term: m(locale, 'a11yChecker'), detail: approved.test.checker },
              ]
            : []),
        ]}
      />
      <h2 class="app-heading-2">{m(locale, 'a11yResultsHeading')}</h2>
      {approved ? (
        <>
          <h3 class="app-heading-3">{m(locale, 'a11yPagesTested')}</h3>
          <ul>
            {approved.test.pages.map((u) => (
              <li>{u}</li>
            ))}
          </ul>
          <Table
            caption={m(locale, 'a11yResultsByCriterion', { date: dateLabel(locale, approved.test.testedOn) })}
            locale={locale}
            columns={[
              { key: 'c', header: m(locale, 'a11yCriterion'), rowHeader: true },
              { key: 'l', header: m(locale, 'a11yLevel') },
              { key: 'r', header: m(locale, 'a11yResult') },
            ]}
            rows={CRITERIA.map((cr) => ({ c: cr.id, l: cr.level, r: criterionResult(locale, approved.results.filter((r) => r.criterion === cr.id)) }))}
          />
        </>
      ) : (
        <p>{m(locale, 'a11yPreparing')}</p>
      )}
    </>
  );
}

function ContactFacts({ c, program }: { c: AppContext; program: Program }) {
  const locale = c.get('locale');
  const email = programSetting<string | null>(program, 'contactEmail', null);
  const phone = programSetting<string | null>(program, 'contactPhone', null);
  if (!email && !phone) return <p>{m(locale, 'contactUnset')}</p>;
  return (
    <DescriptionList
      items={[
        ...(email ? [{ term: m(locale, 'contactEmail'), detail: <a href={`mailto:${email}`}>{email}</a> }] : []),
        ...(phone ? [{ term: m(locale, 'contactPhone'), detail: <a href={`tel:${phone}`}>{phone}</a> }] : []),
      ]}
    />
  );
}

/**
 * A content page of the site; with a draft, exactly what it will look like once published. With
 * `a11yTest` (the accessibility page only), the results of that test in place of the approved
 * ones: the City reviews the results on the page as it will be published.
 */
export async function contentPageHtml(c: AppContext, program: Program, key: PageKey, draft?: Draft, a11yTest?: NonNullable<ApprovedA11y>): Promise<string> {
  const locale = c.get('locale');
  const { title, body } = await pageContent(c, program, key, draft);
  const approved = key === 'accessibility' ? (a11yTest ?? (await latestApprovedA11yTest(c.get('deps').db, program.id))) : null;
  // The call center's published FAQ (calls module) follows the page's own text.
  const faq = key === 'faq' ? await faqSection(c, program) : null;
  return siteHtml(c, program, {
    title,
    nav: NAV_OF[key] ?? null,
    notice: draft || a11yTest ? <NotificationBanner kind="info" locale={locale} title={m(locale, "previewBanner")} /> : undefined,
    children: (
      <>
        <div class="app-content" data-content-body="">
          <Markdown source={body} />
        </div>
        {key === 'business' && (
          <p>
            <a class="dads-button" data-type="solid-fill" data-size="md" href={`/${program.slug}/business`} hreflang="ja">
              {m(locale, 'businessApply')}
            </a>
          </p>
        )}
        {key === 'accessibility' && <AccessibilityFacts c={c} program={program} approved={approved} />}
        {key === 'contact' && <ContactFacts c={c} program={program} />}
        {key === 'contact' && <CallCenterContact c={c} program={program} />}
        {faq}
      </>
    ),
  });
}
