/** Opinions (the first, the second, any further one), their logistics and the calls made about them. */
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { OPINION_KINDS, OPINION_STATUSES, TRI_STATES } from "@/lib/opinion";
import { authorColumn, caseIdColumn, positionColumn, timestamps, versionColumn } from "./columns";

export const opinionKind = pgEnum("opinion_kind", OPINION_KINDS);
export const opinionStatus = pgEnum("opinion_status", OPINION_STATUSES);
export const triState = pgEnum("tri_state", TRI_STATES);

export const opinions = pgTable(
  "opinions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    /** "First opinion", "Second opinion"… editable. */
    label: text("label").notNull(),
    clinician: text("clinician").notNull().default(""),
    specialty: text("specialty").notNull().default(""),
    institution: text("institution").notNull().default(""),
    kind: opinionKind("kind").notNull().default("same_specialty"),
    visitAt: timestamp("visit_at", { withTimezone: true }),
    /** The IANA zone the visit was booked in (the clinic's); null for visits saved before zones (decision 0037). */
    visitTimeZone: text("visit_time_zone"),
    visitPlace: text("visit_place").notNull().default(""),
    visitLink: text("visit_link").notNull().default(""),
    /** User ids of the members coming along; read through the current members, so a removed one drops out. */
    comingAlong: uuid("coming_along").array().notNull().default(sql`'{}'::uuid[]`),
    status: opinionStatus("status").notNull().default("considering"),
    inNetwork: triState("in_network").notNull().default("unknown"),
    referralNeeded: triState("referral_needed").notNull().default("unknown"),
    preApprovalNeeded: triState("pre_approval_needed").notNull().default("unknown"),
    expectedCosts: text("expected_costs").notNull().default(""),
    position: positionColumn(),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("opinions_case_position_idx").on(t.caseId, t.position)],
);

/** A call with the insurer or the clinic about an opinion: when, with whom, the reference, what was said. */
export const opinionCalls = pgTable(
  "opinion_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    opinionId: uuid("opinion_id")
      .notNull()
      .references(() => opinions.id, { onDelete: "cascade" }),
    calledAt: timestamp("called_at", { withTimezone: true }).notNull(),
    who: text("who").notNull(),
    reference: text("reference").notNull().default(""),
    summary: text("summary").notNull().default(""),
    authorId: authorColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("opinion_calls_case_opinion_idx").on(t.caseId, t.opinionId, t.calledAt)],
);

export type Opinion = typeof opinions.$inferSelect;
