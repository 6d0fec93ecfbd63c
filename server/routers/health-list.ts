/**
 * The structured health lists for the visit: medications, allergies, past procedures and surgeries.
 * Each list has the same six procedures (list, get, create, update, remove, reorder). Their handlers are
 * written once, in `healthListHandlers()`, over the list's table; the procedures themselves (role,
 * input, output) are spelled out per list at the bottom, so each list reads like any other router.
 * Add a list here only if it has the same shape: an ordered, versioned row per item in one case.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { allergies, medications, pastProcedures } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import { messageRef } from "@/lib/i18n/message-ref";
import { createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import type { ActivityEntity } from "@/lib/activity";
import {
  ZAllergyCreate,
  ZAllergyFields,
  ZAllergyView,
  ZMedicationCreate,
  ZMedicationFields,
  ZMedicationView,
  ZPastProcedureView,
  ZProcedureCreate,
  ZProcedureFields,
} from "@/lib/health-list";
import { caseProcedure, router } from "@/server/trpc";
import type { CaseContext } from "@/server/access";
import { nextPosition, reorderRows } from "@/server/rows/ordering";
import { zVersion } from "@/lib/fields";

// ── Inputs and outputs ───────────────────────────────────────────────────────────────────────────

const BAD_ITEM_LINK = messageRef("healthLists.validation.badItemLink");
const ZItemRef = z.object({ id: z.uuid(BAD_ITEM_LINK) });
/** The item and the version the person edited. */
const ZItemEdit = ZItemRef.extend({ version: zVersion() });
/** The whole list in its new order. */
const ZItemOrder = z.object({ ids: z.array(z.uuid(BAD_ITEM_LINK)).max(1000) });
const ZRemoved = z.object({ removed: z.literal(true) });

// ── The handlers, once for every list ────────────────────────────────────────────────────────────

/** The columns every list table has (db/schema/health-lists.ts); the handlers set them, never an input. */
type CommonColumn = "id" | "caseId" | "authorId" | "position" | "version" | "createdAt" | "updatedAt";
type ListTable = PgTable & Record<CommonColumn, PgColumn>;

/** Input fields whose every key is one of the table's own columns, of that column's type. */
type FieldsOf<TTable extends ListTable, TFields> = {
  [K in keyof TFields]: K extends Exclude<keyof TTable["$inferInsert"], CommonColumn> ? TTable["$inferInsert"][K] : never;
};

const metaColumns = (table: ListTable) => ({
  id: table.id,
  position: table.position,
  version: table.version,
  createdAt: table.createdAt,
  updatedAt: table.updatedAt,
});

/** What a case procedure's handler receives: the case context and the database. */
interface Call<TInput> {
  ctx: CaseContext & { db: Db };
  input: TInput;
}

interface HealthListConfig<TTable extends ListTable, TFields, TItem> {
  table: TTable;
  /** The input a form sends (lib/health-list.ts); here for its type, whose keys must be own columns of `table`. */
  fields: z.ZodType<TFields>;
  /** What leaves the server (the view schema in lib/health-list.ts), and the column each of its keys is read from. */
  item: z.ZodType<TItem>;
  columns: Record<keyof TItem, PgColumn>;
  entityType: Extract<ActivityEntity, "medication" | "allergy" | "procedure">;
  /** How the item is named in the activity feed. */
  nameOf: (item: TItem) => string;
}

/** The six handlers of one list; the procedures that use them are declared at the bottom of the file. */
function healthListHandlers<
  TTable extends ListTable,
  TFields extends FieldsOf<TTable, TFields>,
  TItem extends { id: string },
>(list: HealthListConfig<TTable, TFields, TItem>) {
  // Queries below go through the common columns only (Drizzle cannot follow a generic table);
  // `TTable` is there to check at compile time that the fields are columns of this table.
  const table: ListTable = list.table;
  const { columns, entityType } = list;
  const GONE = messageRef(`healthLists.errors.gone.${entityType}`);

  /**
   * Drizzle infers row types from concrete tables only; for a table passed in here it cannot. Rows
   * are read through `columns`, which has exactly TItem's keys, and `.output()` checks them again.
   */
  const asItems = (rows: unknown) => rows as TItem[];
  const asItem = (row: unknown) => row as TItem;

  /** Every query names the case, and the row as well, so an id from another case finds nothing. */
  const inCase = (caseId: string) => eq(table.caseId, caseId);
  const itemInCase = (caseId: string, id: string) => and(eq(table.caseId, caseId), eq(table.id, id));
  const gone = () => notFound(GONE);

  const listItems = async (db: Db, caseId: string) =>
    asItems(await db.select(columns).from(table).where(inCase(caseId)).orderBy(table.position, table.createdAt, table.id));

  return {
    list: ({ ctx }: Call<unknown>) => listItems(ctx.db, ctx.caseId),

    /** One item as it is now, or null when it is gone: what an open list reads after a live change. */
    get: async ({ ctx, input }: Call<{ id: string }>) => {
      const [item] = asItems(await ctx.db.select(columns).from(table).where(itemInCase(ctx.caseId, input.id)));
      return item ?? null;
    },

    create: ({ ctx, input: { caseId: _caseId, submissionId, ...fields } }: Call<{ caseId: string; submissionId?: string | undefined } & TFields>) =>
      ctx.db.transaction(async (tx) => {
        const position = await nextPosition(tx, table, ctx.caseId);
        const row = await createOnce(
          tx,
          table,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId },
          { ...fields, caseId: ctx.caseId, authorId: ctx.userId, position },
        );
        const [created] = asItems(await tx.select(columns).from(table).where(itemInCase(ctx.caseId, row.id)));
        if (!created) throw new Error(`${entityType} was not created`);
        // A retried submission: the item and its activity entry are already written.
        if (!row.created) return created;
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: `${entityType}.created`,
          entityType,
          entityId: created.id,
          summary: messageRef(`healthLists.activity.${entityType}.added`, { name: list.nameOf(created) }),
        });
        return created;
      }),

    /** Saves the whole item; `version` is the one the person edited, so a newer save is never overwritten. */
    update: ({ ctx, input: { caseId: _caseId, id, version, ...fields } }: Call<{ caseId: string; id: string; version: number } & TFields>) =>
      ctx.db.transaction(async (tx) => {
        // Someone saved first: CONFLICT with their version — or NOT_FOUND, when the item is gone.
        const current = async () => {
          const [item] = asItems(await tx.select(columns).from(table).where(itemInCase(ctx.caseId, id)));
          if (!item) throw gone();
          return item;
        };
        const updated = asItem(
          await updateVersioned(tx, table, { caseId: ctx.caseId, id, version }, fields, { returning: columns, view: list.item, current }),
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: `${entityType}.updated`,
          entityType,
          entityId: updated.id,
          summary: messageRef(`healthLists.activity.${entityType}.edited`, { name: list.nameOf(updated) }),
        });
        return updated;
      }),

    /** Removes the item only at the version the person saw: a stale removal is a CONFLICT, like a stale save. */
    remove: ({ ctx, input }: Call<{ id: string; version: number }>) =>
      ctx.db.transaction(async (tx) => {
        const current = async () => {
          const [item] = asItems(await tx.select(columns).from(table).where(itemInCase(ctx.caseId, input.id)));
          if (!item) throw gone();
          return item;
        };
        const removed = asItem(
          await deleteVersioned(tx, table, { caseId: ctx.caseId, id: input.id, version: input.version }, { returning: columns, view: list.item, current }),
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: `${entityType}.deleted`,
          entityType,
          entityId: removed.id,
          summary: messageRef(`healthLists.activity.${entityType}.removed`, { name: list.nameOf(removed) }),
        });
        return { removed: true as const };
      }),

    /** `ids` must be the whole list; anything else is refused (by reorderRows) and nothing moves. */
    reorder: ({ ctx, input }: Call<{ ids: string[] }>) =>
      ctx.db.transaction(async (tx) => {
        await reorderRows(tx, table, ctx.caseId, input.ids);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: `${entityType}.reordered`,
          entityType,
          entityId: null,
          summary: messageRef(`healthLists.activity.${entityType}.reordered`),
        });
        return listItems(tx, ctx.caseId);
      }),
  };
}

// ── The three lists ──────────────────────────────────────────────────────────────────────────────

const medication = healthListHandlers({
  table: medications,
  fields: ZMedicationFields,
  item: ZMedicationView,
  columns: {
    ...metaColumns(medications),
    name: medications.name,
    dose: medications.dose,
    frequency: medications.frequency,
    purpose: medications.purpose,
    prescriber: medications.prescriber,
    notes: medications.notes,
  },
  entityType: "medication",
  nameOf: (item) => item.name,
});

const allergy = healthListHandlers({
  table: allergies,
  fields: ZAllergyFields,
  item: ZAllergyView,
  columns: {
    ...metaColumns(allergies),
    substance: allergies.substance,
    reaction: allergies.reaction,
    severity: allergies.severity,
  },
  entityType: "allergy",
  nameOf: (item) => item.substance,
});

/** Past procedures and surgeries (the table is `past_procedures`, to avoid confusion with tRPC's). */
const procedure = healthListHandlers({
  table: pastProcedures,
  fields: ZProcedureFields,
  item: ZPastProcedureView,
  columns: {
    ...metaColumns(pastProcedures),
    what: pastProcedures.what,
    whenText: pastProcedures.whenText,
    place: pastProcedures.place,
    description: pastProcedures.description,
  },
  entityType: "procedure",
  nameOf: (item) => item.what,
});

// Viewers read; supporters and the owner add, edit, remove and reorder (PRODUCT.md "People and roles").
export const healthListRouter = router({
  medication: router({
    list: caseProcedure("viewer").output(z.array(ZMedicationView)).query(medication.list),
    get: caseProcedure("viewer").input(ZItemRef).output(ZMedicationView.nullable()).query(medication.get),
    create: caseProcedure("supporter").input(ZMedicationCreate).output(ZMedicationView).mutation(medication.create),
    update: caseProcedure("supporter").input(ZItemEdit).input(ZMedicationFields).output(ZMedicationView).mutation(medication.update),
    remove: caseProcedure("supporter").input(ZItemEdit).output(ZRemoved).mutation(medication.remove),
    reorder: caseProcedure("supporter").input(ZItemOrder).output(z.array(ZMedicationView)).mutation(medication.reorder),
  }),
  allergy: router({
    list: caseProcedure("viewer").output(z.array(ZAllergyView)).query(allergy.list),
    get: caseProcedure("viewer").input(ZItemRef).output(ZAllergyView.nullable()).query(allergy.get),
    create: caseProcedure("supporter").input(ZAllergyCreate).output(ZAllergyView).mutation(allergy.create),
    update: caseProcedure("supporter").input(ZItemEdit).input(ZAllergyFields).output(ZAllergyView).mutation(allergy.update),
    remove: caseProcedure("supporter").input(ZItemEdit).output(ZRemoved).mutation(allergy.remove),
    reorder: caseProcedure("supporter").input(ZItemOrder).output(z.array(ZAllergyView)).mutation(allergy.reorder),
  }),
  procedure: router({
    list: caseProcedure("viewer").output(z.array(ZPastProcedureView)).query(procedure.list),
    get: caseProcedure("viewer").input(ZItemRef).output(ZPastProcedureView.nullable()).query(procedure.get),
    create: caseProcedure("supporter").input(ZProcedureCreate).output(ZPastProcedureView).mutation(procedure.create),
    update: caseProcedure("supporter").input(ZItemEdit).input(ZProcedureFields).output(ZPastProcedureView).mutation(procedure.update),
    remove: caseProcedure("supporter").input(ZItemEdit).output(ZRemoved).mutation(procedure.remove),
    reorder: caseProcedure("supporter").input(ZItemOrder).output(z.array(ZPastProcedureView)).mutation(procedure.reorder),
  }),
});
