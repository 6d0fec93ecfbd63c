import { forwardRef, type InputHTMLAttributes } from "react";
import { FieldError, FieldHint, fieldDescription } from "./field-frame";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A checkbox with its label beside it (the whole row is clickable); hint and error via aria-describedby. */
export const Checkbox = forwardRef<HTMLInputElement, Props>(function Checkbox(
  { id, label, hint, error, className = "", ...props },
  ref,
) {
  const { hintId, errorId, controlProps } = fieldDescription(id, hint, error);
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <FieldError id={errorId}>{error}</FieldError>
      <div className="flex items-start gap-3">
        <input ref={ref} id={id} type="checkbox" {...controlProps} className="mt-1 size-6 shrink-0 accent-brand-600" {...props} />
        <div className="flex flex-col">
          <label htmlFor={id} className="min-h-8 font-semibold">
            {label}
          </label>
          <FieldHint id={hintId}>{hint}</FieldHint>
        </div>
      </div>
    </div>
  );
});
