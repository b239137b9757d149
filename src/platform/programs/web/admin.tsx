import { Hono } from 'hono';
import { isInstallationAdmin, rolesIn, STAFF_ROLES } from '../../auth/memberships.js';
import type { AppEnv } from '../../http/env.js';
import { adminPage } from '../../http/admin-page.js';
import { requireRoleAnywhere } from '../../http/guards.js';
import { DescriptionList, Table } from '../../../ui/index.js';
import type { Role } from '../../auth/schema.js';
import type { Deps } from '../../deps.js';
import type { Access, ProgramInbox, ProgramTool } from '../../module/manifest.js';
import { programAdminMessages as m } from '../messages.js';
import { listPrograms } from '../queries.js';
import type { Program } from '../schema.js';
import { programSettingsAdmin, SETTINGS_ROLES, settingsPath } from './admin-settings.js';
import { inboxMessages } from '../../inbox/messages.js';
import { INBOX_PATH } from '../../inbox/web.js';

export const programsAdmin = new Hono<AppEnv>();

/**
 * Whether someone with `roles` in the program may open a tool's page, by the access class its
 * module declares for `GET` of that page (a page with no declared class is shown).
 */
function admits(routeAccess: Record<string, Access>, href: string, p: Program, roles: Role[]): boolean {
  // Tools live at /admin/MODULE/SLUG…: the slug is the first segment from the third on.
  const parts = href.split('/');
  const at = parts.findIndex((part, i) => i >= 3 && part === p.slug);
  if (at >= 0) parts[at] = ':slug';
  const access = routeAccess[`GET ${parts.join('/')}`];
  if (!access || !access.startsWith('program-staff:')) return access !== 'audit' || roles.some((r) => r === 'admin' || r === 'city');
  const allowed = access.slice('program-staff:'.length).split(',');
  return roles.some((r) => allowed.includes(r));
}

/** The tools of the program's kind that these roles can open. */
function toolsFor(tools: ProgramTool[], routeAccess: Record<string, Access>, p: Program, roles: Role[]): ProgramTool[] {
  return tools.filter((t) => t.kinds.includes(p.kind) && admits(routeAccess, t.href(p), p, roles));
}

function toolLinks(tools: ProgramTool[], p: Program, canConfigure: boolean) {
  const links: Array<[string, string]> = tools.filter((t) => t.kinds.includes(p.kind)).map((t) => [t.href(p), t.label]);
  links.push([`/${p.slug}`, m('ja', 'toolPublic')]);
  if (canConfigure) links.push([settingsPath(p), m('ja', 'toolSettings')]);
  return links.map(([href, label], i) => (
    <>
      {i > 0 ? m('ja', 'separator') : null}
      <a href={href}>{label}</a>
    </>
  ));
}

/** Where a program's name leads: the first tool its modules mark as the main one, else its settings. */
function mainHref(tools: ProgramTool[], p: Program): string {
  return (tools.find((t) => t.main && t.kinds.includes(p.kind)) ?? tools.find((t) => t.kinds.includes(p.kind)))?.href(p) ?? settingsPath(p);
}

/** The work waiting in one program for someone with these roles, as links with counts. */
async function inboxLinks(deps: Deps, inbox: ProgramInbox[], p: Program, roles: Role[]) {
  const mine = inbox.filter((i) => i.kinds.includes(p.kind) && i.roles.some((r) => roles.includes(r)));
  const items = (await Promise.all(mine.map((i) => i.items(deps, p, roles)))).flat().filter((i) => i.count > 0);
  if (!items.length) return m('ja', 'inboxNone');
  return (
    <ul class="app-inbox">
      {items.map((i) => (
        <li>
          <a href={i.href}>{m('ja', 'inboxItem', { label: i.label, count: i.count })}</a>
        </li>
      ))}
    </ul>
  );
}

/** Back-office home: the programs this person works on, with the work waiting in each. Businesses use their portal instead. */
programsAdmin.get('/', async (c) => {
  const auth = requireRoleAnywhere(c, STAFF_ROLES);
  const deps = c.get('deps');
  const all = await listPrograms(deps.db);
  const tools = deps.modules.tools;
  const everywhere = isInstallationAdmin(auth.grants);
  const mine = everywhere ? all : all.filter((p) => auth.grants.some((g) => g.programId === p.id));
  const rolesOf = (p: Program): Role[] => (everywhere ? ['admin'] : rolesIn(auth.grants, p.id));
  // Sequential: PGlite has one connection, and a home page counts a handful of rows per program.
  const waiting: Array<Awaited<ReturnType<typeof inboxLinks>>> = [];
  for (const p of mine) waiting.push(await inboxLinks(deps, deps.modules.inbox, p, rolesOf(p)));
  return adminPage(c, {
    title: m('ja', 'homeTitle'),
    children: (
      <>
        <DescriptionList items={[{ term: m('ja', 'signedInAs'), detail: auth.user.email }]} />
        <p>
          <a href={INBOX_PATH}>{inboxMessages('homeLink')}</a>
        </p>
        <Table
          caption={m('ja', 'myPrograms')}
          columns={[
            { key: 'name', header: m('ja', 'colName') },
            { key: 'slug', header: m('ja', 'colSlug') },
            { key: 'kind', header: m('ja', 'colKind') },
            { key: 'roles', header: m('ja', 'colRoles') },
            { key: 'waiting', header: m('ja', 'colWaiting') },
            { key: 'tools', header: m('ja', 'colTools') },
          ]}
          rows={mine.map((p, i) => ({
            waiting: waiting[i],
            name: <a href={mainHref(toolsFor(tools, deps.modules.routeAccess, p, rolesOf(p)), p)}>{p.name}</a>,
            tools: toolLinks(toolsFor(tools, deps.modules.routeAccess, p, rolesOf(p)), p, rolesIn(auth.grants, p.id).some((r) => SETTINGS_ROLES.includes(r))),
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
