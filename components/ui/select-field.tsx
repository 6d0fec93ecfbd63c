import { forwardRef, type SelectHTMLAttributes } from "react";
import { controlBorder, FieldFrame, fieldDescription } from "./field-frame";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
};

/** A labelled native select (the most dependable control on phones and with screen readers). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField(
  { id, label, hint, error, options, className, ...props },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        ref={ref}
        id={id}
        {...fieldDescription(id, hint, error).controlProps}
        className={`min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${controlBorder(error)}`}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});
