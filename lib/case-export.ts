import { z } from "zod";
import { zInt4 } from "./fields";
import { ACTIVITY_VISIBILITIES, ZActivityView } from "./activity";
import { ZCaseView } from "./case";
import { ZManualTick } from "./checklist";
import { ZComparisonCellView, ZComparisonRowView } from "./comparison";
import { ZDecisionCommentView, ZDecisionView } from "./decision";
import { ZAllergyView, ZMedicationView, ZPastProcedureView } from "./health-list";
import { ZInvitationView } from "./invitation";
import { ZCaseSection } from "./live";
import { ZMemberView } from "./member";
import { ZNoteView } from "./note";
import { ZCallView, ZOpinionView } from "./opinion";
import { ZQuestionView } from "./question";
import { ZRecordFileView, ZRecordView } from "./record";
import { ZReflectionView } from "./reflection";
import { ZSelfCheckView } from "./self-check";
import { ZTaskView } from "./task";

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

/*
 * Each entity is its view schema (lib/<noun>.ts) picked down to the fields the format carries, in
 * the format's order, then extended: the views hold Dates where the file holds ISO strings, and the
 * file carries fields the app does not show (ids of authors, positions, files). `.extend()` keeps a
 * picked key in its place, so a date picked between other fields keeps its place in the format
 * (and in docs/case-export.schema.json) while being re-typed.
 */

const ZFile = ZRecordFileView.pick({ id: true, name: true }).extend({
  mediaType: ZRecordFileView.shape.mediaType.meta({ description: "Detected from the file's first bytes when it was uploaded." }),
  size: ZRecordFileView.shape.size.nonnegative().meta({ description: "In bytes, before base64." }),
  sha256: ZRecordFileView.shape.sha256.meta({ description: "Hex SHA-256 of the file's bytes." }),
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
    case: ZCaseView.pick({ id: true, patientName: true, title: true, understanding: true, decision: true, urgent: true }).extend({
      archivedAt: time.nullable(),
      createdAt: time,
      updatedAt: time,
    }),
    selfCheck: ZSelfCheckView.pick({ situations: true, cautions: true })
      .extend({ updatedBy: userRef, createdAt: time, updatedAt: time })
      .nullable()
      .meta({ description: "The self-check answers, or null when it was never filled in." }),
    checklistTicks: z
      .array(ZManualTick.pick({ item: true }).extend({ tickedBy: userRef, tickedAt: time }))
      .meta({ description: "Checklist items ticked by hand. Items that tick themselves are worked out from the rest of the file." }),
    members: z.array(
      ZMemberView.pick({ id: true, userId: true, name: true, email: true, role: true }).extend({
        id: ZMemberView.shape.id.meta({ description: "The membership's id." }),
        // The owner exports, and the owner sees every member's email.
        email: z.string(),
        joinedAt: time,
        accessEndsAt: time.nullable(),
        lastActiveAt: time.nullable(),
      }),
    ),
    invitations: z
      .array(ZInvitationView.pick({ id: true, email: true, role: true, message: true }).extend({ invitedBy: userRef, createdAt: time, expiresAt: time }))
      .meta({ description: "Pending invitations only; the links themselves are never stored, so none are exported." }),
    questions: z.array(
      ZQuestionView.pick({ id: true, text: true, bankKey: true, pinned: true, position: true, opinionId: true, askedAt: true, answer: true }).extend({
        askedAt: time.nullable(),
        answeredBy: userRef,
        answeredAt: time.nullable(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    records: z.array(
      ZRecordView.pick({
        id: true,
        title: true,
        kind: true,
        source: true,
        status: true,
        neededAt: true,
        requestedAt: true,
        receivedAt: true,
        sharedAt: true,
        notes: true,
        private: true,
      }).extend({
        neededAt: time,
        requestedAt: time.nullable(),
        receivedAt: time.nullable(),
        sharedAt: time.nullable(),
        position: zInt4(),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
        files: z.array(ZFile),
      }),
    ),
    medications: z.array(
      ZMedicationView.pick({ id: true, name: true, dose: true, frequency: true, purpose: true, prescriber: true, notes: true, position: true }).extend({
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    allergies: z.array(
      ZAllergyView.pick({ id: true, substance: true, reaction: true, severity: true, position: true }).extend({
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    procedures: z.array(
      ZPastProcedureView.pick({ id: true, what: true, whenText: true, place: true, description: true, position: true }).extend({
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
      }),
    ),
    notes: z
      .array(ZNoteView.pick({ id: true, body: true, opinionId: true, private: true, authorId: true }).extend({ createdAt: time, updatedAt: time }))
      .meta({ description: "Shared notes and the exporting owner's own private notes; other members' private notes are left out." }),
    opinions: z.array(
      ZOpinionView.pick({
        id: true,
        label: true,
        clinician: true,
        specialty: true,
        institution: true,
        kind: true,
        visitAt: true,
        visitTimeZone: true,
        visitPlace: true,
        visitLink: true,
        status: true,
        inNetwork: true,
        referralNeeded: true,
        preApprovalNeeded: true,
        expectedCosts: true,
        position: true,
      }).extend({
        visitAt: time.nullable(),
        visitTimeZone: z.string().nullable().meta({ description: "The IANA time zone the visit was booked in (e.g. Europe/Madrid); null when none was given." }),
        comingAlong: z.array(id).meta({ description: "User ids of the members coming along to the visit, as saved." }),
        authorId: userRef,
        createdAt: time,
        updatedAt: time,
        calls: z.array(
          ZCallView.pick({ id: true, calledAt: true, who: true, reference: true, summary: true }).extend({
            calledAt: time,
            authorId: userRef,
            createdAt: time,
          }),
        ),
      }),
    ),
    comparison: z.object({
      cells: z.array(ZComparisonCellView.pick({ opinionId: true, aspect: true, text: true }).extend({ updatedBy: userRef, updatedAt: time })),
      rows: z.array(ZComparisonRowView.pick({ aspect: true, mark: true }).extend({ updatedBy: userRef, updatedAt: time })),
    }),
    reflections: z.array(
      ZReflectionView.pick({
        userId: true,
        values: true,
        valuesOther: true,
        riskComfort: true,
        practical: true,
        communication: true,
        communicationOpinionId: true,
        feelSure: true,
        knowBenefitsRisks: true,
        clearOnPriorities: true,
        enoughSupport: true,
        canSayWhat: true,
        canSayWhy: true,
        canSayAlternatives: true,
      }).extend({
        // The file states the scale's bounds; the view leaves them to the input schema.
        riskComfort: zInt4().min(1).max(5).nullable(),
        createdAt: time,
        updatedAt: time,
      }),
    ),
    decisions: z
      .array(
        ZDecisionView.pick({ id: true, path: true, reasons: true, nextSteps: true }).extend({
          decidedOn: z.iso.date(),
          authorId: userRef,
          createdAt: time,
          comments: z.array(ZDecisionCommentView.pick({ id: true, body: true }).extend({ authorId: userRef, createdAt: time })),
        }),
      )
      .meta({ description: "Every recorded version, oldest first: the last one is the current decision." }),
    activity: z
      .array(
        // actorId (not in the view) comes second in the format, so the view's fields after it are spread in.
        ZActivityView.pick({ id: true }).extend({
          actorId: userRef,
          ...ZActivityView.pick({ action: true, entityType: true, entityId: true, summary: true }).shape,
          visibility: z.enum(ACTIVITY_VISIBILITIES),
          createdAt: time,
        }),
      )
      .meta({ description: "The activity log as the owner sees it, oldest first." }),
    tasks: z
      .array(
        ZTaskView.pick({ id: true, title: true, note: true, assigneeId: true, dueOn: true, status: true, completedById: true }).extend({
          dueOn: z.iso.date().nullable().meta({ description: "A calendar day, without a time or zone." }),
          completedAt: time.nullable(),
          recordId: id.nullable(),
          opinionId: id.nullable(),
          questionId: id.nullable(),
          suggestion: ZTaskView.shape.suggestion.meta({ description: "The key of the suggested task it was made from, e.g. \"book_visit:<opinion id>\"." }),
          authorId: userRef,
          createdAt: time,
          updatedAt: time,
        }),
      )
      .optional()
      .meta({ description: "Tasks between the people in the case, oldest first. Absent in files exported before tasks existed." }),
    taskSuggestionsClosed: z
      .array(z.object({ key: z.string(), taskId: id.nullable(), closedBy: userRef, closedAt: time }))
      .optional()
      .meta({ description: "Suggested tasks taken up (with the task made) or dismissed (no task), so they are not offered again." }),
    sectionVisits: z
      .array(
        z.object({
          id,
          userId: userRef,
          section: ZCaseSection,
          windowStart: time.meta({ description: "The start of the 10-minute window these visits fell in." }),
          firstAt: time,
          lastAt: time,
          visits: z.number().int().min(1).meta({ description: "Page loads of the section in the window (a live refresh counts)." }),
        }),
      )
      .optional()
      .meta({
        description:
          "Members' visits to the case's sections, one entry per member, section and 10-minute window, oldest first. With the downloads and exports in `activity`, this is the case's access log. Absent in files exported before it existed.",
      }),
  })
  .meta({ title: "SecondLook case export", description: "One case, everything its owner may see. See docs/EXPORT.md." });

export type CaseExport = z.infer<typeof ZCaseExport>;
