import { Hono } from 'hono';
import { rolesIn } from '../../../platform/auth/memberships.js';
import { formatJaDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { Button, ButtonLink, DescriptionList, ErrorSummary, Form, NotificationBanner, StatusBadge, TextField, errorFor } from '../../../ui/index.js';
import { windowMessage } from '../commands/application-window.js';
import { requestApplicantAccount } from '../commands/create-applicant-account.js';
import { cm } from '../messages.js';
import { facilitiesOfUser, findApplicantApplication, listNotices } from '../queries.js';
import { businessPage } from './business-page.js';
import { campaignProgram } from './load.js';

export const businessPortal = new Hono<AppEnv>();

/** The business landing page: how to apply for visitors, status, facility and notices once signed in. */
businessPortal.get('/:slug/business', async (c) => {
  const program = await campaignProgram(c, c.req.param('slug'));
  const deps = c.get('deps');
  const auth = c.get('auth');
  const isBusiness = !!auth?.complete && rolesIn(auth.grants, program.id).includes('business');
  const base = `/${program.slug}/business`;
  if (!isBusiness) {
    return businessPage(c, program, {
      title: '事業者の皆さまへ',
      children: (
        <>
          <p>{windowMessage(program, deps.clock.now())}</p>
          <ul>
            <li>
              <a href={`${base}/terms`}>募集要項</a>
            </li>
            <li>
              <a href={`${base}/manual`}>参加事業者マニュアル</a>
            </li>
          </ul>
          <h2>申請の流れ</h2>
          <ol>
            <li>メールアドレスを登録し、届いたメールのリンクからパスワードを設定します。</li>
            <li>ログインして申請フォームに入力し、旅館業許可証の写しを添付して申請します。</li>
            <li>審査の結果はメールでお知らせします。</li>
          </ol>
          <h2>はじめて申請する方</h2>
          <p>申請にはアカウントが必要です。メールアドレスを登録してアカウントを作成してください。</p>
          <p>
            <ButtonLink href={`${base}/account`}>アカウントを作成する</ButtonLink>
          </p>
          <h2>アカウントをお持ちの方</h2>
          <p>ログインすると、申請の入力・下書きの続き・審査状況の確認・掲載情報の変更ができます。</p>
          <p>
            <ButtonLink href={`/login?next=${encodeURIComponent(base)}`} variant="secondary">
              ログインする
            </ButtonLink>
          </p>
        </>
      ),
    });
  }
  const app = await findApplicantApplication(deps.db, program.id, auth!.user.id);
  const facilities = await facilitiesOfUser(deps.db, program.id, auth!.user.id);
  const notices = await listNotices(deps.db, program.id);
  return businessPage(c, program, {
    title: '事業者ページ',
    children: (
      <>
        <h2>参加申請</h2>
        {app ? (
          <DescriptionList
            items={[
              { term: '申請番号', detail: app.number ?? '（未提出）' },
              { term: '状態', detail: <StatusBadge tone={app.status === 'approved' ? 'success' : app.status === 'returned' ? 'warning' : app.status === 'rejected' ? 'danger' : 'info'}>{cm(`status.${app.status}`)}</StatusBadge> },
              ...(app.status === 'returned' || app.status === 'rejected' ? [{ term: '理由', detail: app.lastReason ?? '' }] : []),
            ]}
          />
        ) : (
          <p>まだ申請はありません。{windowMessage(program, deps.clock.now())}</p>
        )}
        {(!app || app.status === 'draft' || app.status === 'returned') && (
          <p>
            <ButtonLink href={`${base}/apply`}>{!app ? '申請を始める' : app.status === 'returned' ? '申請を修正する' : '下書きの続きを入力する'}</ButtonLink>
          </p>
        )}
        {facilities.length > 0 && (
          <>
            <h2>登録施設</h2>
            {facilities.map((f) => (
              <>
                <DescriptionList
                  items={[
                    { term: '施設名', detail: f.name },
                    { term: '登録番号', detail: f.registrationNumber ?? '' },
                    { term: '登録日', detail: f.registeredOn ? formatJaDate(f.registeredOn) : '' },
                    { term: '掲載情報の変更', detail: f.pendingProfile ? '事務局の確認待ちです' : 'なし' },
                  ]}
                />
                <p>
                  <a href={`${base}/facilities/${f.id}/profile`}>「{f.name}」の掲載情報を変更する</a>
                </p>
              </>
            ))}
            {facilities.length > 0 && (
              <p>
                <a href={`${base}/claims`}>割引の登録と実績報告</a>
              </p>
            )}
          </>
        )}
        <h2>事務局からのお知らせ</h2>
        {notices.length === 0 ? (
          <p>お知らせはありません。</p>
        ) : (
          notices.map((n) => (
            <section aria-labelledby={`notice-${n.id}`}>
              <h3 id={`notice-${n.id}`}>
                {n.title}（{tokyoDateTime(n.publishedAt).slice(0, 10)}）
              </h3>
              {n.body.split(/\n{2,}/).map((p) => (
                <p>{p}</p>
              ))}
            </section>
          ))
        )}
        <p>
          <a href={`${base}/manual`}>参加事業者マニュアル</a>
        </p>
      </>
    ),
  });
});

function accountPage(c: Parameters<typeof csrfToken>[0], program: Awaited<ReturnType<typeof campaignProgram>>, opts: { email?: string; error?: string; sent?: boolean; status?: number } = {}) {
  const errors = opts.error ? [{ field: 'email', message: opts.error }] : [];
  return businessPage(c, program, {
    title: 'アカウントの作成',
    breadcrumbs: [{ label: 'アカウントの作成' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : opts.sent ? <NotificationBanner kind="success" title="メールを送信しました。メールに記載のリンクからパスワードを設定してください。" /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>申請に使うメールアドレスを入力してください。確認のメールをお送りします。メールのリンクからパスワードを設定すると、アカウントが使えるようになります。</p>
        <Form action={`/${program.slug}/business/account`} csrfToken={csrfToken(c)}>
          <TextField name="email" type="email" label="メールアドレス" required autocomplete="email" value={opts.email} error={errorFor(errors, 'email')} width="lg" />
          <Button>確認メールを送る</Button>
        </Form>
      </>
    ),
  });
}

businessPortal.get('/:slug/business/account', async (c) => accountPage(c, await campaignProgram(c, c.req.param('slug'))));

businessPortal.post('/:slug/business/account', async (c) => {
  const program = await campaignProgram(c, c.req.param('slug'));
  const email = ((await formFields(c)).email ?? '').trim();
  try {
    await runCommand(c.get('deps'), actorOf(c), (ctx) => requestApplicantAccount(ctx, program, email));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return accountPage(c, program, { email, error: e.fieldErrors[0]?.message ?? cm('errEmail'), status: 422 });
    throw e;
  }
  return accountPage(c, program, { sent: true });
});
