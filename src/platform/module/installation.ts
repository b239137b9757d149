import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { CliCommand } from '../cli/command.js';
import type { AuditActionLabel } from '../audit/actions.js';
import type { Schedule } from '../jobs/schedule.js';
import type { JobHandler } from '../jobs/worker.js';
import type { Program } from '../programs/schema.js';
import type { SettingDef } from '../programs/setting-def.js';
import type { PersonalDataGate } from '../personal-data-gate.js';
import type { Access, ModuleManifest, OpenApiPaths, PersonalDataDecl, ProgramHome, ProgramInbox, ProgramTool } from './manifest.js';

/** Everything the installed modules contribute, derived once from their manifests. */
export interface Installation {
  modules: readonly ModuleManifest[];
  commands: CliCommand[];
  jobHandlers: Record<string, JobHandler>;
  schedules: Schedule[];
  settings: SettingDef[];
  /** Every Drizzle table, by export name. */
  schema: Record<string, unknown>;
  routeAccess: Record<string, Access>;
  homes: Partial<Record<Program['kind'], ProgramHome>>;
  tools: ProgramTool[];
  inbox: ProgramInbox[];
  auditLabels: Record<string, AuditActionLabel>;
  personalData: Array<PersonalDataDecl & { module: string }>;
  personalDataGates: PersonalDataGate[];
  openApiPaths(baseUrl: string): OpenApiPaths;
}

class DuplicateError extends Error {
  constructor(what: string, key: string, a: string, b: string) {
    super(`${what} "${key}" is declared by both module "${a}" and module "${b}"`);
  }
}

/** Adds each entry of `entries` to `into`, refusing a key another module already took. */
function mergeUnique<T>(into: Record<string, T>, owners: Record<string, string>, what: string, module: string, entries: Record<string, T> | undefined): void {
  for (const [key, value] of Object.entries(entries ?? {})) {
    if (key in owners) throw new DuplicateError(what, key, owners[key]!, module);
    owners[key] = module;
    into[key] = value;
  }
}

/**
 * Derives the installation from the ordered list of module manifests. Two modules claiming the
 * same command, job kind, setting, table, route, program home or audit action is a programming
 * error, reported at start (and by the test suite) rather than one silently shadowing the other.
 */
export function assembleInstallation(modules: readonly ModuleManifest[]): Installation {
  const names = new Set<string>();
  const commands: Record<string, CliCommand> = {};
  const jobHandlers: Record<string, JobHandler> = {};
  const schedules: Record<string, Schedule> = {};
  const settings: Record<string, SettingDef> = {};
  const schema: Record<string, unknown> = {};
  const routeAccess: Record<string, Access> = {};
  const homes: Record<string, ProgramHome> = {};
  const auditLabels: Record<string, AuditActionLabel> = {};
  const owners = { commands: {}, jobs: {}, schedules: {}, settings: {}, schema: {}, routes: {}, homes: {}, audit: {} } as Record<string, Record<string, string>>;
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module "${m.name}" is listed twice`);
    names.add(m.name);
    mergeUnique(commands, owners.commands!, 'CLI command', m.name, Object.fromEntries((m.cli ?? []).map((c) => [c.name, c])));
    mergeUnique(jobHandlers, owners.jobs!, 'job kind', m.name, m.jobs);
    mergeUnique(schedules, owners.schedules!, 'schedule', m.name, Object.fromEntries((m.schedules ?? []).map((s) => [s.name, s])));
    for (const def of m.settings ?? []) mergeUnique(settings, owners.settings!, 'setting', m.name, Object.fromEntries(def.kinds.map((k) => [`${k}:${def.key}`, def])));
    mergeUnique(schema, owners.schema!, 'table export', m.name, Object.fromEntries(Object.entries(m.schema ?? {}).filter(([, v]) => is(v, PgTable))));
    mergeUnique(routeAccess, owners.routes!, 'route', m.name, m.routeAccess);
    mergeUnique(homes, owners.homes!, 'home page of kind', m.name, Object.fromEntries((m.home ?? []).map((h) => [h.kind, h])));
    mergeUnique(auditLabels, owners.audit!, 'audit action', m.name, m.auditActions);
  }
  return {
    modules,
    commands: Object.values(commands),
    jobHandlers,
    schedules: Object.values(schedules),
    settings: [...new Set(Object.values(settings))],
    schema,
    routeAccess,
    homes,
    tools: modules.flatMap((m) => m.tools ?? []),
    inbox: modules.flatMap((m) => m.inbox ?? []),
    auditLabels,
    personalData: modules.flatMap((m) => (m.personalData ?? []).map((d) => ({ ...d, module: m.name }))),
    personalDataGates: modules.flatMap((m) => (m.personalDataGate ? [m.personalDataGate] : [])),
    openApiPaths: (baseUrl) => Object.assign({}, ...modules.map((m) => (typeof m.openapi === 'function' ? m.openapi(baseUrl) : (m.openapi ?? {})))),
  };
}
