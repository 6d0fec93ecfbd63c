/**
 * "Who saw and did what", for the case's owner: the activity log (changes, downloads, exports) and
 * members' section visits (`section_visits`) as one list, newest first, filterable and keyset-paged.
 * Owner only: members are told that the owner sees this (sharing.accessLogNotice), not each other.
 */
import "server-only";
import { type SQL, and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { activity, recordFiles, sectionVisits, users } from "@/db/schema";
import {
  ACCESS_LOG_PAGE_SIZE,
  type AccessKind,
  type AccessLogEntry,
  READ_ACTIONS,
  ZAccessLogInput,
  ZAccessLogPage,
} from "@/lib/access-log";
import type { ActivityAction, ActivityEntity } from "@/lib/activity";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { activityLabeller } from "@/server/activity-words";
import { translatorFor } from "@/server/i18n/translator";
import { type CaseSection, ENTITY_SECTION, ZCaseSection } from "@/lib/live";
import { visibleActivity } from "@/server/access";
import { caseProcedure, router } from "@/server/trpc";

const readActions = Object.keys(READ_ACTIONS) as ActivityAction[];
const actionsOfKind = (kind: AccessKind) => readActions.filter((a) => READ_ACTIONS[a] === kind);
const entitiesOf = (section: CaseSection) => (Object.keys(ENTITY_SECTION) as ActivityEntity[]).filter((e) => ENTITY_SECTION[e] === section);

/** The activity entries of one kind: undefined for every kind, false when the kind (a visit) is none of them. */
function activityKindFilter(kind: AccessKind | undefined): SQL | undefined | false {
  if (!kind) return undefined;
  if (kind === "view") return false;
  if (kind === "change") return notInArray(activity.action, readActions);
  return inArray(activity.action, actionsOfKind(kind));
}

const kindOfAction = sql<AccessKind>`case
  when ${activity.action} in (${sql.join(actionsOfKind("download").map((a) => sql`${a}`), sql`, `)}) then 'download'
  when ${activity.action} in (${sql.join(actionsOfKind("export").map((a) => sql`${a}`), sql`, `)}) then 'export'
  else 'change' end`;

export const accessLogRouter = router({
  /**
   * One page of the log, ACCESS_LOG_PAGE_SIZE entries, newest first on (time, id): an activity
   * entry's time is its creation, a visit's the first page load of its window (which never moves,
   * so paging stays put while a window fills). The cursor's time is read in the same statement.
   */
  list: caseProcedure("owner")
    .input(ZAccessLogInput)
    .output(ZAccessLogPage)
    .query(async ({ ctx, input }) => {
      const { caseId } = ctx;
      const atCursor = input.cursor
        ? sql`(select t.at, t.id from (
            select ${activity.createdAt} as at, ${activity.id} as id from ${activity} where ${activity.id} = ${input.cursor} and ${activity.caseId} = ${caseId}
            union all
            select ${sectionVisits.firstAt}, ${sectionVisits.id} from ${sectionVisits} where ${sectionVisits.id} = ${input.cursor} and ${sectionVisits.caseId} = ${caseId}
          ) t limit 1)`
        : null;

      const activityKind = activityKindFilter(input.kind);
      const changes =
        activityKind === false
          ? null
          : ctx.db
              .select({
                id: activity.id,
                kind: kindOfAction,
                at: activity.createdAt,
                lastAt: activity.createdAt,
                count: sql<number>`1`.mapWith(Number),
                actorId: activity.actorId,
                actorName: users.name,
                action: sql<string | null>`${activity.action}`,
                section: sql<string | null>`null::text`,
                entityType: sql<string | null>`${activity.entityType}`,
                entityId: activity.entityId,
                fileName: recordFiles.name,
              })
              .from(activity)
              .leftJoin(users, eq(users.id, activity.actorId))
              // The file's name as the case shows it now (the owner sees every record): the log keeps no text of its own.
              .leftJoin(recordFiles, and(eq(activity.entityType, "file"), eq(recordFiles.id, activity.entityId), eq(recordFiles.caseId, caseId)))
              .where(
                and(
                  eq(activity.caseId, caseId),
                  visibleActivity(ctx),
                  activityKind,
                  input.person ? eq(activity.actorId, input.person) : undefined,
                  input.section ? inArray(activity.entityType, entitiesOf(input.section)) : undefined,
                  atCursor ? sql`(${activity.createdAt}, ${activity.id}) < ${atCursor}` : undefined,
                ),
              );

      const visits =
        input.kind && input.kind !== "view"
          ? null
          : ctx.db
              .select({
                id: sectionVisits.id,
                kind: sql<AccessKind>`'view'`,
                at: sectionVisits.firstAt,
                lastAt: sectionVisits.lastAt,
                count: sectionVisits.visits,
                actorId: sectionVisits.userId,
                actorName: users.name,
                action: sql<string | null>`null::text`,
                section: sql<string | null>`${sectionVisits.section}`,
                entityType: sql<string | null>`null::text`,
                entityId: sql<string | null>`null::uuid`,
                fileName: sql<string | null>`null::text`,
              })
              .from(sectionVisits)
              .leftJoin(users, eq(users.id, sectionVisits.userId))
              .where(
                and(
                  eq(sectionVisits.caseId, caseId),
                  input.person ? eq(sectionVisits.userId, input.person) : undefined,
                  input.section ? eq(sectionVisits.section, input.section) : undefined,
                  atCursor ? sql`(${sectionVisits.firstAt}, ${sectionVisits.id}) < ${atCursor}` : undefined,
                ),
              );

      const both = changes && visits ? unionAll(changes, visits) : (changes ?? visits)!;
      // By position (3 = at, 1 = id): the same for one select and for the union of two.
      const rows = await both.orderBy(sql`3 desc, 1 desc`).limit(ACCESS_LOG_PAGE_SIZE + 1);

      const locale = ctx.locale ?? DEFAULT_LOCALE;
      const label = activityLabeller(locale);
      const opened = translatorFor(locale)("activity.opened");
      const entries: AccessLogEntry[] = rows.slice(0, ACCESS_LOG_PAGE_SIZE).map((row) => {
        const entity = row.entityType as ActivityEntity | null;
        return {
          ...row,
          label: row.action ? label(row.action, 1) : opened,
          section: row.section ? ZCaseSection.catch("overview").parse(row.section) : ((entity && ENTITY_SECTION[entity]) ?? "overview"),
        };
      });
      const more = rows.length > ACCESS_LOG_PAGE_SIZE;
      // Whoever is in the log, not only current members: what a removed member saw is worth finding.
      const people = await ctx.db
        .select({ userId: users.id, name: users.name })
        .from(users)
        .where(
          inArray(
            users.id,
            unionAll(
              ctx.db.select({ id: activity.actorId }).from(activity).where(and(eq(activity.caseId, caseId), visibleActivity(ctx))),
              ctx.db.select({ id: sectionVisits.userId }).from(sectionVisits).where(eq(sectionVisits.caseId, caseId)),
            ),
          ),
        )
        .orderBy(users.name);
      return { entries, people, nextCursor: more ? entries.at(-1)!.id : null };
    }),
});
