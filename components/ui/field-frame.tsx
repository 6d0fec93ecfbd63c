import type { ReactNode } from "react";
import { FieldError } from "./field-error";

export { FieldError };

/** The ids that tie a control to its hint and error (aria-describedby), in one place for every field. */
export function fieldDescription(id: string, hint?: string, error?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    hintId,
    errorId,
    controlProps: {
      "aria-invalid": error ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
  };
}

export function FieldHint({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-sm text-muted">
      {children}
    </p>
  );
}

/** Label above, then hint, then error, then the control: the layout of every text-like field. */
export function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldDescription(props.id, props.hint, props.error);
  return (
    <div className={`flex flex-col gap-1 ${props.className ?? ""}`}>
      <label htmlFor={props.id} className="font-semibold">
        {props.label}
      </label>
      <FieldHint id={hintId}>{props.hint}</FieldHint>
      <FieldError id={errorId}>{props.error}</FieldError>
      {props.children}
    </div>
  );
}

export const controlBorder = (error?: string) => (error ? "border-danger border-2" : "border-slate-400");
