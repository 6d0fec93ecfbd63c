"use client";
/**
 * One ordered, editable list of health items (medications, allergies, past procedures): the list
 * with Move up / Move down, an add form, a versioned edit form with the conflict panel (both in
 * ./item-forms.tsx, loaded when first opened), and removal after a confirm step. What an item holds
 * comes in as field definitions; what saving means comes in as `actions` (each run through
 * `useCaseMutation`), so this file knows nothing about a particular list.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { flushSync } from "react-dom";
import type { Path, Resolver } from "react-hook-form";
import { useDraftOwner } from "@/components/forms/draft-scope";
import { draftKey, readDraft } from "@/components/forms/drafts";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { InlineError } from "@/components/ui/inline-error";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import { useBrowserValue } from "@/components/ui/use-browser-value";
import type { AddItemForm as AddItemFormType, EditItemForm as EditItemFormType } from "./item-forms";

// Cast back to the forms' own (generic) types, which `lazy` cannot carry.
const AddItemForm = onDemand(() => import("./item-forms").then((m) => m.AddItemForm)) as unknown as typeof AddItemFormType;
const EditItemForm = onDemand(() => import("./item-forms").then((m) => m.EditItemForm)) as unknown as typeof EditItemFormType;

/** The fields of an item: plain text, every one (a choice is text too). */
export type ItemFields = Record<string, string>;

export type FieldDef<TFields extends ItemFields> = {
  /** A key of the item, and a form path (for these flat items, the same thing). */
  name: Path<TFields> & Extract<keyof TFields, string>;
  /** The form label. */
  label: string;
  /** The shorter word used in the list. */
  term: string;
  hint?: string;
  /** One line, several lines, or one of `options`. */
  control: "text" | "long" | "select";
  options?: readonly { value: string; label: string }[];
};

export type ListItem<TFields extends ItemFields> = TFields & { id: string; version: number };

export type ListActions<TFields extends ItemFields> = {
  /** `submissionId` makes a retried add return the first item (components/forms/use-case-mutation.ts). */
  create: (values: TFields & { submissionId?: string }) => Promise<unknown>;
  update: (id: string, version: number, values: TFields) => Promise<unknown>;
  /** `version` is the one the person saw: a removal from a stale screen is refused. */
  remove: (id: string, version: number) => Promise<unknown>;
  /** The whole list, in its new order. */
  reorder: (ids: string[]) => Promise<unknown>;
};

export type EditableListProps<TFields extends ItemFields> = {
  /** The case the list is in: its forms' drafts are kept per case (components/forms/use-draft.ts). */
  caseId: string;
  /** Prefix of every element id in this list, e.g. "medication". */
  listId: string;
  /** The add form's submit button, e.g. "Add the medication". */
  submitLabel: string;
  /** "Add a medication": opens the add form, and names it. */
  addLabel: string;
  emptyText: string;
  items: ListItem<TFields>[];
  /** The first field names the item (its heading and the buttons' names). */
  fields: readonly FieldDef<TFields>[];
  emptyValues: TFields;
  resolver: Resolver<TFields>;
  /** The item as someone else saved it, when a save was refused with CONFLICT; null for any other error. */
  readConflict: (error: unknown) => (TFields & { version: number }) | null;
  canEdit: boolean;
  actions: ListActions<TFields>;
};

export function valueText<TFields extends ItemFields>(field: FieldDef<TFields>, value: string | undefined): string {
  if (!value) return "";
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

export function EditableList<TFields extends ItemFields>(props: EditableListProps<TFields>) {
  const { listId, items, fields, canEdit, actions } = props;
  const t = useTranslations("healthLists.list");
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  // Refreshed here, in a transition: `refreshing` says when the new order is on screen.
  const reorder = useCaseMutation(actions.reorder, { refresh: false });
  // Until the new order is on screen, another move would start from the old one.
  const moving = reorder.busy || refreshing;
  const [announcement, setAnnouncement] = useState("");
  /** After a move: the item whose button should have focus once the new order is on screen. */
  const follow = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  const nameField = fields[0]!.name;
  const nameOf = (item: TFields) => item[nameField] ?? "";

  useEffect(() => {
    const wanted = follow.current;
    if (!wanted) return;
    const index = items.findIndex((i) => i.id === wanted.id);
    if (index < 0) return;
    follow.current = null;
    // At the top or bottom now: the button that still does something takes focus.
    const direction = wanted.direction === "up" ? (index === 0 ? "down" : "up") : index === items.length - 1 ? "up" : "down";
    document.getElementById(`${listId}-${wanted.id}-move-${direction}`)?.focus();
  }, [items, listId]);

  const move = async (index: number, direction: "up" | "down") => {
    if (moving) return;
    const target = direction === "up" ? index - 1 : index + 1;
    const item = items[index];
    if (!item || target < 0 || target >= items.length) return;
    const ids = items.map((i) => i.id);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    if (!(await reorder.run(ids)).ok) return;
    follow.current = { id: item.id, direction };
    setAnnouncement(t("moved", { name: nameOf(item), direction, position: target + 1, count: items.length }));
    startTransition(() => router.refresh());
  };

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <InlineError message={reorder.message} />
      {items.length === 0 ? (
        <p className="text-muted">{props.emptyText}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {items.map((item, index) => (
            <ItemCard
              key={item.id}
              list={props}
              item={item}
              name={nameOf(item)}
              controls={
                canEdit && items.length > 1 ? (
                  <>
                    <Button
                      id={`${listId}-${item.id}-move-up`}
                      variant="secondary"
                      disabled={index === 0}
                      aria-disabled={moving || undefined}
                      onClick={() => void move(index, "up")}
                    >
                      {t("moveUp")}<span className="sr-only"> {nameOf(item)}</span>
                    </Button>
                    <Button
                      id={`${listId}-${item.id}-move-down`}
                      variant="secondary"
                      disabled={index === items.length - 1}
                      aria-disabled={moving || undefined}
                      onClick={() => void move(index, "down")}
                    >
                      {t("moveDown")}<span className="sr-only"> {nameOf(item)}</span>
                    </Button>
                  </>
                ) : null
              }
            />
          ))}
        </ol>
      )}
      {canEdit && <AddItem list={props} />}
    </div>
  );
}

// ── One item ─────────────────────────────────────────────────────────────────────────────────────

function ItemCard<TFields extends ItemFields>({
  list,
  item,
  name,
  controls,
}: {
  list: EditableListProps<TFields>;
  item: ListItem<TFields>;
  name: string;
  /** Move up / Move down, when the list has more than one item. */
  controls: ReactNode;
}) {
  const { fields, canEdit, actions } = list;
  const t = useTranslations("healthLists.list");
  const headingId = useId();
  const panelId = useId();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const remove = useCaseMutation(({ id, version }: { id: string; version: number }) => actions.remove(id, version));
  const details = fields.slice(1).filter((f) => item[f.name]);

  /** Closes the edit form and hands focus back to the button that opened it. */
  const closeEdit = () => {
    flushSync(() => setEditing(false));
    editButton.current?.focus();
  };

  return (
    <li aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="break-words text-xl font-semibold">
        {name}
      </h3>
      {details.length > 0 && (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {details.map((field) => (
            <div key={field.name} className="contents">
              <dt className="font-semibold">{field.term}</dt>
              <dd className="mb-2 whitespace-pre-wrap break-words sm:mb-0">{valueText(field, item[field.name])}</dd>
            </div>
          ))}
        </dl>
      )}
      {canEdit && (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap gap-2">
            {controls}
            <Button
              ref={editButton}
              variant="secondary"
              aria-expanded={editing}
              aria-controls={panelId}
              onClick={() => (editing ? closeEdit() : setEditing(true))}
            >
              {editing ? t("closeEditing") : t("edit")}
              <span className="sr-only"> {name}</span>
            </Button>
            {!editing && (
              <ConfirmAction
                label={
                  <>
                    {t("remove")}<span className="sr-only"> {name}</span>
                  </>
                }
                danger
                question={
                  <p>{t.rich("removeQuestion", { name, strong: (chunks) => <strong className="break-words">{chunks}</strong> })}</p>
                }
                confirmLabel={t("removeYes", { name })}
                busyLabel={t("removing")}
                busy={remove.busy}
                error={remove.message}
                onConfirm={() => remove.run({ id: item.id, version: item.version })}
              />
            )}
          </div>
          <div id={panelId} hidden={!editing} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
            {editing && <EditItemForm list={list} item={item} onDone={closeEdit} />}
          </div>
        </div>
      )}
    </li>
  );
}

/** The add form's draft (components/forms/use-draft.ts). */
export const addDraftName = (listId: string) => `${listId}-new`;

function AddItem<TFields extends ItemFields>({ list }: { list: EditableListProps<TFields> }) {
  const { caseId, listId, addLabel } = list;
  const t = useTranslations("healthLists.list");
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const owner = useDraftOwner();
  const [opened, setOpened] = useState(false);
  const [restored, setRestored] = useState(false);
  const [added, setAdded] = useState("");
  // The form's code comes when it first opens, or at once when a draft waits to be put back.
  const [asked, setAsked] = useState(false);
  const draftWaiting = useBrowserValue(() => owner !== null && readDraft(draftKey(owner, caseId, addDraftName(listId))) !== null, false);
  const wanted = asked || draftWaiting;
  const open = opened || restored;
  const onRestored = useCallback(() => setRestored(true), []);

  const close = () => {
    flushSync(() => {
      setOpened(false);
      setRestored(false);
    });
    toggle.current?.focus();
  };

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          ref={toggle}
          variant="secondary"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            if (open) return close();
            setAsked(true);
            setOpened(true);
          }}
        >
          {open ? t("closeForm") : addLabel}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {added}
      </p>
      <div id={panelId} hidden={!open} className="rounded-xl border border-slate-200 bg-white p-5">
        {(wanted || open) && (
          <AddItemForm
            list={list}
            open={open}
            restoredShown={restored}
            onRestored={onRestored}
            onDismissRestored={() => setRestored(false)}
            onAdded={setAdded}
            onClose={close}
          />
        )}
      </div>
    </div>
  );
}
