import { asc, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { CommandContext } from '../../platform/command.js';
import { campaignApplicationEvents, type ApplicationEvent } from './schema.js';

export type EventKind = 'saved' | 'submitted' | 'resubmitted' | 'returned' | 'escalated' | 'answered' | 'approved' | 'rejected' | 'note' | 'assigned' | 'checklist' | 'document';

/** Appends one line to an application's history, in the command's transaction. */
export async function addEvent(ctx: CommandContext, applicationId: number, kind: EventKind, text: string | null = null): Promise<void> {
  await ctx.tx.insert(campaignApplicationEvents).values({ applicationId, kind, text, actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, at: ctx.now });
}

export async function listEvents(conn: Conn, applicationId: number): Promise<ApplicationEvent[]> {
  return conn.select().from(campaignApplicationEvents).where(eq(campaignApplicationEvents.applicationId, applicationId)).orderBy(asc(campaignApplicationEvents.id));
}
