"use client";
import { useTranslations } from "next-intl";
import { forwardRef, type TextareaHTMLAttributes, useRef } from "react";
import { controlBorder, FieldFrame, fieldDescription } from "./field-frame";
import { makeBold, makeList, type TextEdit } from "./text-format";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

const tool = "min-h-11 min-w-11 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100";

/**
 * A TextArea with Bold and List buttons, so nobody needs to know the marks (** and -) that a note
 * is stored with. A button changes the text as typing would (an input event), so a form library
 * registered on the textarea sees the change, and puts the focus back in the text.
 */
export const FormattedTextArea = forwardRef<HTMLTextAreaElement, Props>(function FormattedTextArea(
  { id, label, hint, error, className, rows = 5, ...props },
  forwarded,
) {
  const t = useTranslations("common");
  const own = useRef<HTMLTextAreaElement | null>(null);
  const apply = (change: (edit: TextEdit) => TextEdit) => {
    const area = own.current;
    if (!area) return;
    const next = change({ text: area.value, start: area.selectionStart, end: area.selectionEnd });
    area.focus();
    // setRangeText, not `value =`: React's onChange only fires for a value it has not set itself.
    area.setRangeText(next.text, 0, area.value.length);
    area.setSelectionRange(next.start, next.end);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <div role="group" aria-label={t("formattingFor", { label })} className="flex gap-2">
        <button type="button" aria-controls={id} className={`${tool} font-bold`} onClick={() => apply(makeBold)}>
          {t("bold")}
        </button>
        <button type="button" aria-controls={id} className={tool} onClick={() => apply(makeList)}>
          {t("list")}
        </button>
      </div>
      <textarea
        ref={(node) => {
          own.current = node;
          if (typeof forwarded === "function") forwarded(node);
          else if (forwarded) forwarded.current = node;
        }}
        id={id}
        rows={rows}
        {...fieldDescription(id, hint, error).controlProps}
        className={`w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${controlBorder(error)}`}
        {...props}
      />
    </FieldFrame>
  );
});
