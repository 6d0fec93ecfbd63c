/**
 * Records that a member opened a section of a case (the access log's reads, docs/decisions/0029).
 * Called from the server render of each case page (`app/cases/[caseId]/visit-section.ts`), after the
 * page's own authorization. One statement: it writes only for an active member of the case, and
 * visits within one 10-minute window count into one row (an upsert on the window's unique index),
 * so the coalescing holds across app instances.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseMembers, sectionVisits } from "@/db/schema";
import { VISIT_WINDOW_MINUTES } from "@/lib/access-log";
import type { CaseSection } from "@/lib/live";
import { activeMember } from "@/server/access";

const WINDOW = `${VISIT_WINDOW_MINUTES} minutes`;

export async function recordSectionVisit(db: Db, visit: { caseId: string; userId: string; section: CaseSection }): Promise<void> {
  await db.execute(sql`
    insert into ${sectionVisits} (case_id, user_id, section, window_start)
    select ${caseMembers.caseId}, ${caseMembers.userId}, ${visit.section},
           date_bin(${WINDOW}::interval, now(), timestamptz '2000-01-01 00:00:00+00')
    from ${caseMembers}
    where ${caseMembers.caseId} = ${visit.caseId} and ${caseMembers.userId} = ${visit.userId} and ${activeMember()}
    on conflict (case_id, user_id, section, window_start)
    do update set last_at = now(), visits = ${sectionVisits.visits} + 1`);
}
