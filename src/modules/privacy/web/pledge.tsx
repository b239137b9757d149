import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { DescriptionList } from '../../../ui/index.js';
import { fm } from '../files/messages.js';
import { pm, type PrivacyMessageKey } from '../messages.js';
import type { StaffEntry } from '../schema.js';
import { downloadFile, filesPage, FILES_INTRO_MB, postFile, type FilesPage } from './files.js';
import { READ_ROLES, REQUEST_ROLES, staffEntryFor } from './load.js';

/** The scan of a roster entry's signed pledge (誓約書): its page, upload and download. */
export const privacyPledgeAdmin = new Hono<AppEnv>();

function pledgePage(entry: StaffEntry, program: Program, roles: Role[]): FilesPage {
  return {
    owner: 'staff',
    ownerId: entry.id,
    path: `/admin/privacy/staff/${entry.id}/pledge`,
    title: fm('pledge.title'),
    intro: fm('pledge.intro', { mb: FILES_INTRO_MB }),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: pm('staff.title'), href: `/admin/privacy/${program.slug}/staff` }, { label: fm('pledge.title') }],
    about: (
      <DescriptionList
        items={[
          { term: pm('col.kind'), detail: pm(`kind.${entry.kind}` as PrivacyMessageKey) },
          { term: pm('col.duties'), detail: entry.duties },
          { term: pm('col.pledgedOn'), detail: entry.pledgedOn ? formatJaDate(entry.pledgedOn) : '—' },
          { term: pm('col.status'), detail: pm(`status.${entry.status}` as PrivacyMessageKey) },
        ]}
      />
    ),
    canUpload: roles.some((r) => REQUEST_ROLES.includes(r)) && (entry.status === 'requested' || entry.status === 'approved'),
  };
}

async function load(c: AppContext, roles: Role[]) {
  const { entry, program, roles: held } = await staffEntryFor(c, roles);
  return { page: pledgePage(entry, program, held), entry, held };
}

privacyPledgeAdmin.get('/privacy/staff/:id{[0-9]+}/pledge', async (c) => filesPage(c, (await load(c, READ_ROLES)).page));

privacyPledgeAdmin.post('/privacy/staff/:id{[0-9]+}/pledge', async (c) => {
  const { page, held } = await load(c, REQUEST_ROLES);
  return postFile(c, page, held);
});

privacyPledgeAdmin.get('/privacy/staff/:id{[0-9]+}/pledge/download', async (c) => {
  const { entry, held } = await load(c, READ_ROLES);
  return downloadFile(c, 'staff', entry.id, held);
});
