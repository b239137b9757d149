import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest, ModuleRoutes, OpenApiPaths } from '../../platform/module/manifest.js';

/** One area of the records module (the plan: schedule and meetings; the papers: notices, reports, accounts). */
export type RecordsPart = Omit<ModuleManifest, 'name' | 'schema'>;

function mergeRoutes(parts: RecordsPart[]): ModuleRoutes {
  const merged: ModuleRoutes = {};
  for (const key of ['public', 'root', 'admin', 'api'] as const) {
    const apps = parts.map((p) => p.routes?.[key]).filter((a): a is Hono<AppEnv> => a !== undefined);
    if (apps.length === 0) continue;
    const app = new Hono<AppEnv>();
    for (const a of apps) app.route('/', a);
    merged[key] = app;
  }
  return merged;
}

function mergeOpenApi(parts: RecordsPart[]): (baseUrl: string) => OpenApiPaths {
  return (baseUrl) => Object.assign({}, ...parts.map((p) => (typeof p.openapi === 'function' ? p.openapi(baseUrl) : p.openapi ?? {})));
}

function mergeMonthlyFigures(parts: RecordsPart[]): ModuleManifest['monthlyFigures'] {
  const fns = parts.map((p) => p.monthlyFigures).filter((f) => f !== undefined);
  if (fns.length === 0) return undefined;
  return async (deps, program, month) => (await Promise.all(fns.map((f) => f(deps, program, month)))).flat();
}

/** The areas' parts of the demo, one after the other. */
function mergeDemo(parts: RecordsPart[]): ModuleManifest['demo'] {
  const fns = parts.map((p) => p.demo).filter((f) => f !== undefined);
  if (fns.length === 0) return undefined;
  return async (ctx, seed) => {
    for (const f of fns) await f(ctx, seed);
  };
}

/**
 * The module's manifest, assembled from its areas so each area keeps its own routes, commands and
 * catalogues (the installation still rejects a route or command declared twice).
 */
export function assembleRecords(schema: Record<string, unknown>, parts: RecordsPart[]): ModuleManifest {
  const list = <K extends keyof RecordsPart>(k: K) => parts.flatMap((p) => (p[k] as unknown[] | undefined) ?? []);
  const record = <K extends keyof RecordsPart>(k: K) => Object.assign({}, ...parts.map((p) => p[k] ?? {}));
  return {
    name: 'records',
    schema,
    routes: mergeRoutes(parts),
    cli: list('cli') as ModuleManifest['cli'],
    schedules: list('schedules') as ModuleManifest['schedules'],
    settings: list('settings') as ModuleManifest['settings'],
    home: list('home') as ModuleManifest['home'],
    tools: list('tools') as ModuleManifest['tools'],
    inbox: list('inbox') as ModuleManifest['inbox'],
    personalData: list('personalData') as ModuleManifest['personalData'],
    jobs: record('jobs'),
    routeAccess: record('routeAccess'),
    auditActions: record('auditActions'),
    openapi: mergeOpenApi(parts),
    personalDataGate: parts.find((p) => p.personalDataGate)?.personalDataGate,
    monthlyFigures: mergeMonthlyFigures(parts),
    demo: mergeDemo(parts),
  };
}
