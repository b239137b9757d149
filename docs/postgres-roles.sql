-- Two database roles for jimukyoku on PostgreSQL (README: Security and personal information).
--
--   jimukyoku_owner  owns the schema: applies migrations (MIGRATION_DATABASE_URL).
--   jimukyoku_app    the application's own connections (DATABASE_URL): reads and writes every
--                    table, but may only read and append to the audit tables. Not their owner, it
--                    cannot switch their append-only triggers off, alter, update, delete or
--                    truncate them; entries are appended by functions that run as the owner.
--
-- Run once as a superuser (or a role with CREATEROLE and CREATEDB), e.g.
--   psql -v owner_password="'…'" -v app_password="'…'" -f docs/postgres-roles.sql
-- then start the app with
--   DATABASE_URL=postgres://jimukyoku_app:…@host:5432/jimukyoku
--   MIGRATION_DATABASE_URL=postgres://jimukyoku_owner:…@host:5432/jimukyoku
-- Every start (and `jimukyoku migrate`) applies migrations as the owner and then grants the app
-- role the rights below again, so tables added by an upgrade are covered. The same grants by hand:
--   MIGRATION_DATABASE_URL=… jimukyoku db grant-app-role jimukyoku_app
-- (src/db/roles.ts holds the statements the app runs; they are repeated at the end of this file.)

CREATE ROLE jimukyoku_owner LOGIN PASSWORD :owner_password;
CREATE ROLE jimukyoku_app LOGIN PASSWORD :app_password;
CREATE DATABASE jimukyoku OWNER jimukyoku_owner;

\connect jimukyoku
-- PostgreSQL 15+: only the database owner creates in schema public; make it explicit for older ones.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- (pg_trgm, used by the facility search, is a trusted extension: the owner creates it at the first migration.)

-- What `jimukyoku db grant-app-role jimukyoku_app` runs, as the owner, after the migrations:
SET ROLE jimukyoku_owner;
GRANT USAGE ON SCHEMA public TO jimukyoku_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO jimukyoku_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO jimukyoku_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jimukyoku_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO jimukyoku_app;
-- The audit tables exist once the owner has applied the migrations (first start with
-- MIGRATION_DATABASE_URL, or `jimukyoku migrate`), which also narrows them as follows:
--   REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, audit_head, audit_seals, audit_intents FROM jimukyoku_app;
--   GRANT SELECT, INSERT ON audit_log, audit_head, audit_seals, audit_intents TO jimukyoku_app;
RESET ROLE;
