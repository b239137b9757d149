import { Hono } from 'hono';
import { isInstallationAdmin, rolesIn, STAFF_ROLES } from '../../../platform/auth/memberships.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { requireRoleAnywhere } from '../../../platform/http/guards.js';
import { DescriptionList, Table } from '../../../ui/index.js';
import { programAdminMessages as m } from '../messages.js';
import { listPrograms } from '../queries.js';
import type { Program } from '../schema.js';
import { programSettingsAdmin, SETTINGS_ROLES, settingsPath } from './admin-settings.js';

export const programsAdmin = new Hono<AppEnv>();

function toolLinks(p: Program, canConfigure: boolean) {
  const links: Array<[string, string]> =
    p.kind === 'campaign'
      ? [
          [`/admin/campaign/${p.slug}`, m('ja', 'toolApplications')],
          [`/admin/settlement/${p.slug}`, m('ja', 'toolSettlement')],
          [`/admin/site/${p.slug}`, m('ja', 'toolSite')],
          [`/${p.slug}`, m('ja', 'toolPublic')],
        ]
      : [
          [`/admin/events/${p.slug}`, m('ja', 'toolEvent')],
          [`/${p.slug}`, m('ja', 'toolPublic')],
        ];
  if (canConfigure) links.push([settingsPath(p), m('ja', 'toolSettings')]);
  return links.map(([href, label], i) => (
    <>
      {i > 0 ? m('ja', 'separator') : null}
      <a href={href}>{label}</a>
    </>
  ));
}

/** Back-office home: the programs this person works on. Businesses use their portal instead. */
programsAdmin.get('/', async (c) => {
  const auth = requireRoleAnywhere(c, STAFF_ROLES);
  const all = await listPrograms(c.get('deps').db);
  const mine = isInstallationAdmin(auth.grants) ? all : all.filter((p) => auth.grants.some((g) => g.programId === p.id));
  return adminPage(c, {
    title: m('ja', 'homeTitle'),
    children: (
      <>
        <DescriptionList items={[{ term: m('ja', 'signedInAs'), detail: auth.user.email }]} />
        <Table
          caption={m('ja', 'myPrograms')}
          columns={[
            { key: 'name', header: m('ja', 'colName') },
            { key: 'slug', header: m('ja', 'colSlug') },
            { key: 'kind', header: m('ja', 'colKind') },
            { key: 'roles', header: m('ja', 'colRoles') },
            { key: 'tools', header: m('ja', 'colTools') },
          ]}
          rows={mine.map((p) => ({
            name: <a href={p.kind === 'event' ? `/admin/events/${p.slug}` : `/admin/campaign/${p.slug}`}>{p.name}</a>,
            tools: toolLinks(p, rolesIn(auth.grants, p.id).some((r) => SETTINGS_ROLES.includes(r))),
            slug: p.slug,
            kind: p.kind === 'campaign' ? m('ja', 'kindCampaign') : m('ja', 'kindEvent'),
            roles: auth.grants.filter((g) => g.programId === p.id || g.programId === null).map((g) => g.role).join(', '),
          }))}
          emptyMessage={m('ja', 'noMyPrograms')}
        />
      </>
    ),
  });
});

programsAdmin.route('/', programSettingsAdmin);
