import { Check } from "lucide-react";
import type { ComponentProps } from "react";

/**
 * A button that is on or off (`aria-pressed`). Its name stays the same in both states; the state
 * shows by a tick and a filled look, never by colour alone.
 */
export function ToggleButton({
  pressed,
  className = "",
  children,
  ...props
}: Omit<ComponentProps<"button">, "aria-pressed" | "type"> & { pressed: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border-2 px-2.5 py-2 font-semibold ${
        pressed ? "border-brand-600 bg-brand-100 text-brand-800" : "border-slate-300 bg-white text-ink hover:bg-slate-100"
      } ${className}`}
      {...props}
    >
      {pressed && <Check aria-hidden className="size-5 shrink-0" />}
      {children}
    </button>
  );
}
