import type { InputHTMLAttributes } from "react";
import { FieldError } from "./field-frame";

type Option = { value: string; label: string; description?: string };

type Props = {
  /** Used to build each radio's id: `${id}-${value}`; the first one is what an error summary links to. */
  id: string;
  legend: string;
  options: readonly Option[];
  error?: string;
  /** Props for every radio, e.g. react-hook-form's `register(name)`. */
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id" | "value"> & {
    ref?: (instance: HTMLInputElement | null) => void;
  };
};

/** A fieldset of radios; each option's description is tied to its radio with aria-describedby. */
export function RadioGroup({ id, legend, options, error, inputProps }: Props) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <FieldError id={errorId}>{error}</FieldError>
      {options.map((option) => {
        const radioId = `${id}-${option.value}`;
        const descriptionId = option.description ? `${radioId}-description` : undefined;
        return (
          <div
            key={option.value}
            className={`flex items-start gap-3 rounded-lg border bg-white p-3 ${error ? "border-danger" : "border-slate-300"}`}
          >
            <input
              {...inputProps}
              id={radioId}
              type="radio"
              value={option.value}
              aria-describedby={descriptionId}
              className="mt-1 size-6 shrink-0 accent-brand-600"
            />
            <div className="flex flex-col">
              <label htmlFor={radioId} className="font-semibold">
                {option.label}
              </label>
              {option.description && (
                <p id={descriptionId} className="text-sm text-muted">
                  {option.description}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
