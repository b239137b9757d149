import { createCatalog, type Params } from '../i18n/index.js';

/**
 * Texts of the platform's own CLI commands (platform-commands.ts): the summary `--help` shows
 * (Japanese, with the English gist in parentheses) and the refusals. Operators read Japanese.
 */
export const cliMessages = createCatalog({
  'migrate.summary': 'データベースのマイグレーションを適用する (apply database migrations)',
  'userCreate.summary': 'ユーザーを作成し、ロールを付与する (create a user / grant a role)',
  'tokenCreate.summary': 'API トークンを発行する。トークンは一度だけ表示される (create an API token, shown once)',
  'tokenRevoke.summary': 'API トークンを失効させる (revoke an API token)',
  'tokenList.summary': 'API トークンの一覧 (list API tokens; never the tokens themselves)',
  'rotateKey.summary': 'マスターキーを更新し、データキーを再ラップする (re-wrap data keys under a new master key)',
  'backup.summary': '組み込みデータベースのバックアップを作成する (back up the embedded database; PostgreSQL: use pg_dump)',
  'restore.summary': '組み込みデータベースをバックアップから復元する。サーバーを停止してから実行する (restore the embedded database)',
  'jobs.summary': 'ジョブの件数 (job counts by status)',
  'grantAppRole.summary': 'アプリ用のデータベースロールに権限を付与する。監査ログの表は読み取りと追記のみ (PostgreSQL: grant the app role its rights; audit tables read and append only)',
  errProgramNotFound: '事業「{slug}」が見つかりません',
  errUserNotFound: 'ユーザー {email} が見つかりません',
  errUserDisabled: 'ユーザー {email} は無効化されています',
  errServerRunning: 'サーバーが実行中です。停止してから復元してください',
  errServerLost: 'jimukyoku: コマンドの完了前に実行中のサーバーとの接続が切れました（{reason}）。コマンドが実行されたかどうかは監査ログで確認してください (lost the running server before the command finished)',
  errServerUnreachable: 'jimukyoku: 実行中のサーバーに接続できません（{reason}）(cannot reach the running server)',
});

export type CliMessageKey = Parameters<typeof cliMessages>[1];

/** Japanese text of a key. */
export const cm = (key: CliMessageKey, params?: Params) => cliMessages('ja', key, params);
