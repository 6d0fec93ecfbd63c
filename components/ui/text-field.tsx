import { forwardRef, type InputHTMLAttributes } from "react";
import { controlBorder, FieldFrame, fieldDescription } from "./field-frame";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField(
  { id, label, hint, error, className, ...props },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        ref={ref}
        id={id}
        {...fieldDescription(id, hint, error).controlProps}
        className={`min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${controlBorder(error)}`}
        {...props}
      />
    </FieldFrame>
  );
});
