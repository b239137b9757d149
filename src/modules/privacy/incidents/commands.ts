import { and, eq } from 'drizzle-orm';
import { programMemberEmails } from '../../../platform/auth/memberships.js';
import { formatJaDate, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { privacyIncidents, privacyIncidentUpdates } from '../schema.js';
import { incidentDeadlines } from './deadlines.js';
import { im } from './messages.js';
import { incidentSchema, incidentUpdateSchema } from './validators.js';

/**
 * Records an incident and tells the City at once: a mail to each City user of the program (the
 * number, dates, how many people and the deadlines — none of the report's own text, which may name
 * people) and the inbox item. A reportable leak gets the law's deadlines by the office calendar.
 */
export async function reportIncident(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(incidentSchema, input);
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const due = v.reportable ? incidentDeadlines(v.discoveredOn, v.malicious) : { preliminaryDueOn: null, finalDueOn: null };
  const [row] = await ctx.tx
    .insert(privacyIncidents)
    .values({
      programId,
      title: v.title,
      occurredOn: v.occurredOn ?? null,
      discoveredOn: v.discoveredOn,
      dataKinds: v.dataKinds,
      people: v.people ?? null,
      cause: v.cause ?? '',
      measures: v.measures ?? '',
      prevention: v.prevention ?? '',
      reportable: v.reportable,
      malicious: v.malicious,
      ...due,
      reportedBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning();
  const incident = row!;
  const base = ctx.deps.config.publicBaseUrl;
  const text = im('mail.text', {
    program: program.name,
    id: incident.id,
    reportedAt: formatJaDate(tokyoDate(ctx.now)),
    discoveredOn: formatJaDate(incident.discoveredOn),
    people: incident.people ?? im('unknown'),
    deadlines: incident.reportable ? im('mail.deadlines', { preliminary: formatJaDate(incident.preliminaryDueOn!), final: formatJaDate(incident.finalDueOn!) }) : im('mail.notReportable'),
    url: `${base}/admin/privacy/incidents/${incident.id}`,
  });
  const subject = im('mail.subject', { program: program.name, id: incident.id });
  for (const to of await programMemberEmails(ctx.tx, programId, 'city')) {
    await queueMail(ctx.tx, ctx.deps, { programId, template: 'privacy.incident_reported', to, subject, text, lang: 'ja' });
  }
  ctx.audit({ action: 'privacy.incident.reported', programId, targetType: 'privacy_incident', targetId: incident.id, diff: { reportable: incident.reportable, malicious: incident.malicious, people: incident.people } });
  return incident;
}

/** Adds to the timeline; `preliminary` / `final` record the reports made, `closed` closes the incident. */
export async function updateIncident(ctx: CommandContext, id: number, input: unknown) {
  const v = parseOrThrow(incidentUpdateSchema, input);
  const [incident] = await ctx.tx.select().from(privacyIncidents).where(eq(privacyIncidents.id, id)).for('update');
  if (!incident) throw new AppError('not-found');
  if (incident.status === 'closed') throw new AppError('conflict', im('err.closed'));
  const today = tokyoDate(ctx.now);
  const set: Partial<typeof privacyIncidents.$inferInsert> = {};
  if (v.kind === 'preliminary') set.preliminaryReportedOn = today;
  if (v.kind === 'final') set.finalReportedOn = today;
  if (v.kind === 'closed') set.status = 'closed';
  if (Object.keys(set).length) await ctx.tx.update(privacyIncidents).set(set).where(and(eq(privacyIncidents.id, id), eq(privacyIncidents.status, 'open')));
  await ctx.tx.insert(privacyIncidentUpdates).values({ incidentId: id, at: ctx.now, actorUserId: ctx.actor.userId, kind: v.kind, note: v.note });
  ctx.audit({ action: 'privacy.incident.updated', programId: incident.programId, targetType: 'privacy_incident', targetId: id, diff: { kind: v.kind } });
}
