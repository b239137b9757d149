import type { AppContext } from '../../../platform/http/env.js';
import { DescriptionList, NotificationBanner, Table } from '../../../ui/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { PageKey } from '../defaults.js';
import { Markdown } from '../markdown.js';
import { siteMessages as m } from '../messages.js';
import { pageContent, type Draft } from './content.js';
import { dateLabel } from './format.js';
import { siteHtml, sitePath, type NavKey } from './layout.js';

const NAV_OF: Partial<Record<PageKey, NavKey>> = { howto: 'howto', business: 'business', faq: 'faq', contact: 'contact' };

function AccessibilityFacts({ c, program }: { c: AppContext; program: Program }) {
  const locale = c.get('locale');
  const testedOn = programSetting<string | null>(program, 'siteAccessibilityTestedOn', null);
  const result = m(locale, 'a11yPass');
  return (
    <>
      <DescriptionList
        items={[
          { term: m(locale, 'a11yTarget'), detail: m(locale, 'a11yTargetValue') },
          { term: m(locale, 'a11yScope'), detail: m(locale, 'a11yScopeValue', { path: sitePath(c, program) }) },
          { term: m(locale, 'a11yTestedOn'), detail: testedOn ? dateLabel(locale, testedOn) : m(locale, 'a11yTestedOnUnset') },
        ]}
      />
      <h2 class="app-heading-2">{m(locale, 'a11yResultsHeading')}</h2>
      <Table
        caption={m(locale, 'a11yResultsCaption')}
        locale={locale}
        columns={[
          { key: 'p', header: m(locale, 'a11yPrinciple'), rowHeader: true },
          { key: 'c', header: m(locale, 'a11yCriteria') },
          { key: 'r', header: m(locale, 'a11yResult') },
        ]}
        rows={[
          { p: m(locale, 'a11yPerceivable'), c: '1.1.1–1.4.5', r: testedOn ? result : m(locale, 'a11yTestedOnUnset') },
          { p: m(locale, 'a11yOperable'), c: '2.1.1–2.4.7', r: testedOn ? result : m(locale, 'a11yTestedOnUnset') },
          { p: m(locale, 'a11yUnderstandable'), c: '3.1.1–3.3.4', r: testedOn ? result : m(locale, 'a11yTestedOnUnset') },
          { p: m(locale, 'a11yRobust'), c: '4.1.1–4.1.2', r: testedOn ? result : m(locale, 'a11yTestedOnUnset') },
        ]}
      />
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

/** A content page of the site; with a draft, exactly what it will look like once published. */
export async function contentPageHtml(c: AppContext, program: Program, key: PageKey, draft?: Draft): Promise<string> {
  const locale = c.get('locale');
  const { title, body } = await pageContent(c, program, key, draft);
  return siteHtml(c, program, {
    title,
    nav: NAV_OF[key] ?? null,
    notice: draft ? <NotificationBanner kind="info" locale={locale} title={m(locale, "previewBanner")} /> : undefined,
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
        {key === 'accessibility' && <AccessibilityFacts c={c} program={program} />}
        {key === 'contact' && <ContactFacts c={c} program={program} />}
      </>
    ),
  });
}
