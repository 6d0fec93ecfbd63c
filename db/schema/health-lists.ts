/** Structured lists for the visit: medications, allergies, past procedures and surgeries. */
import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ALLERGY_SEVERITIES } from "@/lib/health-list";
import { authorColumn, caseIdColumn, positionColumn, timestamps, versionColumn } from "./columns";

export const allergySeverity = pgEnum("allergy_severity", ALLERGY_SEVERITIES);

export const medications = pgTable(
  "medications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    name: text("name").notNull(),
    dose: text("dose").notNull().default(""),
    frequency: text("frequency").notNull().default(""),
    purpose: text("purpose").notNull().default(""),
    prescriber: text("prescriber").notNull().default(""),
    notes: text("notes").notNull().default(""),
    position: positionColumn(),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("medications_case_position_idx").on(t.caseId, t.position)],
);

export const allergies = pgTable(
  "allergies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    substance: text("substance").notNull(),
    reaction: text("reaction").notNull().default(""),
    severity: allergySeverity("severity").notNull().default("unknown"),
    position: positionColumn(),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("allergies_case_position_idx").on(t.caseId, t.position)],
);

/** Past surgeries and procedures ("procedures" would be confused with tRPC's). */
export const pastProcedures = pgTable(
  "past_procedures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    what: text("what").notNull(),
    /** Free text: people often know "spring 2019" rather than a date. */
    whenText: text("when_text").notNull().default(""),
    place: text("place").notNull().default(""),
    description: text("description").notNull().default(""),
    position: positionColumn(),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("past_procedures_case_position_idx").on(t.caseId, t.position)],
);
