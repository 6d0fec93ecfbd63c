import { z } from "zod";
import { ACTIVITY_VISIBILITIES } from "./activity";
import { MANUAL_CHECKLIST_ITEMS } from "./checklist";
import { COMPARISON_ASPECTS, ROW_MARKS } from "./comparison";
import { DECISION_PATHS } from "./decision";
import { ALLERGY_SEVERITIES } from "./health-list";
import { CASE_ROLES } from "./member";
import { OPINION_KINDS, OPINION_STATUSES, TRI_STATES } from "./opinion";
import { RECORD_KINDS, RECORD_STATUSES } from "./record";
import { REFLECTION_VALUES } from "./reflection";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS } from "./self-check";

/**
 * The case export format (docs/EXPORT.md): one JSON file with everything in a case that its owner
 * may see, files included as base64. `format` and `version` name the format; a change that removes
 * or renames a field, or changes its meaning, bumps `version`; added fields do not.
 * docs/case-export.schema.json is generated from this schema (`npm run export:schema`); a unit test
 * keeps the two in step.
 */

export const CASE_EXPORT_FORMAT = "secondlook.case-export";

export const CASE_EXPORT_VERSION = 1;

const id = z.uuid();

/** Timestamps are ISO 8601 in UTC, e.g. "2026-11-26T09:30:00.000Z". */
const time = z.iso.datetime();

/** A user id; null when that account has since been deleted. */
const userRef = id.nullable();

const ZFile = z.object({
  id,
  name: z.string(),
  mediaType: z.string().meta({ description: "Detected from the file's first bytes when it was uploaded." }),
  size: z.number().int().nonnegative().meta({ description: "In bytes, before base64." }),
  sha256: z.string().meta({ description: "Hex SHA-256 of the file's bytes." }),
  uploadedBy: userRef,
  createdAt: time,
  contentBase64: z.base64().meta({ description: "The file's bytes, base64 (RFC 4648, with padding)." }),
});

export const ZCaseExport = z
  .object({
    format: z.literal(CASE_EXPORT_FORMAT),
    version: z.literal(CASE_EXPORT_VERSION),
    exportedAt: time,
    exportedBy: z.object({ userId: id, name: z.string() }),
    case: z.object({
      id,
      patientName: z.string(),
      title: z.string(),
      understanding: z.string(),
      decision: z.string(),
      urgent: z.boolean(),
      archivedAt: time.nullable(),
      createdAt: time,
      updatedAt: time,
    }),
    selfCheck: z
      .object({
        situations: z.array(z.enum(SELF_CHECK_SITUATIONS)),
        cautions: z.array(z.enum(TIMING_CAUTIONS)),
        updatedBy: userRef,
        createdAt: time,
        updatedAt: time,
      })
      .nullable()
      .meta({ description: "The self-check answers, or null when it was never filled in." }),
    checklistTicks: z
      .array(z.object({ item: z.enum(MANUAL_CHECKLIST_ITEMS), tickedBy: userRef, tickedAt: time }))
      .meta({ description: "Checklist items ticked by hand. Items that tick themselves are worked out from the rest of the file." }),
    members: z.array(
      z.object({
        id: id.meta({ description: "The membership's id." }),
        userId: id,
        name: z.string(),
        email: z.string(),
        role: z.enum(CASE_ROLES),
        joinedAt: time,
        accessEndsAt: time.nullable(),
        lastActiveAt: time.nullable(),
      }),
    ),
    invitations: z
      .array(z.object({ id, email: z.string(), role: z.enum(CASE_ROLES), message: z.string().nullable(), invitedBy: userRef, createdAt: time, expiresAt: time }))
      .meta({ description: "Pending invitations only; the links themselves are never stored, so none are exported." }),
    questions: z.array(
      z.object({
        id,
        text: z.string(),
        bankKey: z.string().nullable(),
        pinned: z.boolean(),
        position: z.number().int(),
        opinionId: id.nullable(),
        askedAt: time.nullable(),
        answer: z.string().nullable(),
        answeredBy: userRef,
        answeredAt: time.nullable(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    records: z.array(
      z.object({
        id,
        title: z.string(),
        kind: z.enum(RECORD_KINDS),
        source: z.string(),
        status: z.enum(RECORD_STATUSES),
        neededAt: time,
        requestedAt: time.nullable(),
        receivedAt: time.nullable(),
        sharedAt: time.nullable(),
        notes: z.string(),
        private: z.boolean(),
        position: z.number().int(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
        files: z.array(ZFile),
      }),
    ),
    medications: z.array(
      z.object({
        id,
        name: z.string(),
        dose: z.string(),
        frequency: z.string(),
        purpose: z.string(),
        prescriber: z.string(),
        notes: z.string(),
        position: z.number().int(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    allergies: z.array(
      z.object({
        id,
        substance: z.string(),
        reaction: z.string(),
        severity: z.enum(ALLERGY_SEVERITIES),
        position: z.number().int(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    procedures: z.array(
      z.object({
        id,
        what: z.string(),
        whenText: z.string(),
        place: z.string(),
        description: z.string(),
        position: z.number().int(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    notes: z
      .array(z.object({ id, body: z.string(), opinionId: id.nullable(), private: z.boolean(), authorId: userRef, createdAt: time, updatedAt: time }))
      .meta({ description: "Shared notes and the exporting owner's own private notes; other members' private notes are left out." }),
    opinions: z.array(
      z.object({
        id,
        label: z.string(),
        clinician: z.string(),
        specialty: z.string(),
        institution: z.string(),
        kind: z.enum(OPINION_KINDS),
        visitAt: time.nullable(),
        status: z.enum(OPINION_STATUSES),
        inNetwork: z.enum(TRI_STATES),
        referralNeeded: z.enum(TRI_STATES),
        preApprovalNeeded: z.enum(TRI_STATES),
        expectedCosts: z.string(),
        position: z.number().int(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
        calls: z.array(z.object({ id, calledAt: time, who: z.string(), reference: z.string(), summary: z.string(), authorId: userRef, createdAt: time })),
      }),
    ),
    comparison: z.object({
      cells: z.array(z.object({ opinionId: id, aspect: z.enum(COMPARISON_ASPECTS), text: z.string(), updatedBy: userRef, updatedAt: time })),
      rows: z.array(z.object({ aspect: z.enum(COMPARISON_ASPECTS), mark: z.enum(ROW_MARKS).nullable(), updatedBy: userRef, updatedAt: time })),
    }),
    reflections: z.array(
      z.object({
        userId: id,
        values: z.array(z.enum(REFLECTION_VALUES)),
        valuesOther: z.string(),
        riskComfort: z.number().int().min(1).max(5).nullable(),
        practical: z.string(),
        communication: z.string(),
        communicationOpinionId: id.nullable(),
        feelSure: z.boolean().nullable(),
        knowBenefitsRisks: z.boolean().nullable(),
        clearOnPriorities: z.boolean().nullable(),
        enoughSupport: z.boolean().nullable(),
        canSayWhat: z.boolean().nullable(),
        canSayWhy: z.boolean().nullable(),
        canSayAlternatives: z.boolean().nullable(),
        createdAt: time,
        updatedAt: time,
      }),
    ),
    decisions: z
      .array(
        z.object({
          id,
          path: z.enum(DECISION_PATHS),
          reasons: z.string(),
          nextSteps: z.string(),
          decidedOn: z.iso.date(),
          authorId: userRef,
          createdAt: time,
          comments: z.array(z.object({ id, body: z.string(), authorId: userRef, createdAt: time })),
        }),
      )
      .meta({ description: "Every recorded version, oldest first: the last one is the current decision." }),
    activity: z
      .array(
        z.object({
          id,
          actorId: userRef,
          action: z.string(),
          entityType: z.string(),
          entityId: id.nullable(),
          summary: z.string(),
          visibility: z.enum(ACTIVITY_VISIBILITIES),
          createdAt: time,
        }),
      )
      .meta({ description: "The activity log as the owner sees it, oldest first." }),
  })
  .meta({ title: "SecondLook case export", description: "One case, everything its owner may see. See docs/EXPORT.md." });

export type CaseExport = z.infer<typeof ZCaseExport>;
