/** The decide section: each member's reflection, the owner's decisions (every version kept) and comments on them. */
import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DECISION_PATHS } from "@/lib/decision";
import { REFLECTION_VALUES } from "@/lib/reflection";
import { users } from "./accounts";
import { authorColumn, caseIdColumn, timestamps, versionColumn } from "./columns";
import { opinions } from "./opinions";

export const reflectionValue = pgEnum("reflection_value", REFLECTION_VALUES);
export const decisionPath = pgEnum("decision_path", DECISION_PATHS);

export const reflections = pgTable(
  "reflections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    values: reflectionValue("values").array().notNull().default([]),
    valuesOther: text("values_other").notNull().default(""),
    /** 1 = act early … 5 = step by step; null = not answered. */
    riskComfort: integer("risk_comfort"),
    practical: text("practical").notNull().default(""),
    communication: text("communication").notNull().default(""),
    /** The clinician who helped most to feel informed and heard, if one is named. */
    communicationOpinionId: uuid("communication_opinion_id").references(() => opinions.id, { onDelete: "set null" }),
    // Readiness and understanding checks: true = yes, false = no, null = not answered.
    feelSure: boolean("feel_sure"),
    knowBenefitsRisks: boolean("know_benefits_risks"),
    clearOnPriorities: boolean("clear_on_priorities"),
    enoughSupport: boolean("enough_support"),
    canSayWhat: boolean("can_say_what"),
    canSayWhy: boolean("can_say_why"),
    canSayAlternatives: boolean("can_say_alternatives"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("reflections_case_user_key").on(t.caseId, t.userId)],
);

/** Append-only: recording the decision again adds a row, so the history stays. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    path: decisionPath("path").notNull(),
    reasons: text("reasons").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    authorId: authorColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decisions_case_created_idx").on(t.caseId, t.createdAt)],
);

export const decisionComments = pgTable(
  "decision_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: authorColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_comments_case_decision_idx").on(t.caseId, t.decisionId)],
);
