import { forwardRef, type TextareaHTMLAttributes } from "react";
import { controlBorder, FieldFrame, fieldDescription } from "./field-frame";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled multi-line input; hint and error are tied to it with aria-describedby, like TextField. */
export const TextArea = forwardRef<HTMLTextAreaElement, Props>(function TextArea(
  { id, label, hint, error, className, rows = 5, ...props },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        {...fieldDescription(id, hint, error).controlProps}
        className={`w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${controlBorder(error)}`}
        {...props}
      />
    </FieldFrame>
  );
});
