"use client";
import { MoreHorizontal } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { useDisclosure } from "./use-disclosure";

/**
 * A card's secondary actions (edit details, move, remove) behind one button, so the card's primary
 * action stands alone. A disclosure, not an ARIA menu: the actions are ordinary buttons in tab order,
 * which works with every screen reader without arrow-key handling. It opens in place, moving what is
 * below down rather than covering it, so no other control is ever hidden under it (on a phone, the
 * next card's buttons). The actions are rendered only while it is open: a page of cards sends and
 * hydrates one button per card, not every card's hidden actions.
 *
 * `children` may be a function that receives `close`, for actions that open a panel of their own.
 * `buttonRef` lets the card hand focus back to the button once such a panel closes.
 */
export function MoreActions({
  label,
  children,
  align = "end",
  buttonRef,
}: {
  /** The accessible name, naming the item: "More actions: Ask about side effects". */
  label: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: "start" | "end";
  buttonRef?: RefObject<HTMLButtonElement | null>;
}) {
  const { open, root, close, buttonProps, panelProps } = useDisclosure(buttonRef);

  return (
    <div ref={root} className={`flex flex-col gap-1 ${align === "end" ? "items-end" : "items-start"}`}>
      <button
        type="button"
        aria-label={label}
        {...buttonProps}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border-2 border-slate-300 bg-white text-ink hover:bg-slate-100"
      >
        <MoreHorizontal aria-hidden className="size-5" />
      </button>
      <div
        {...panelProps}
        className="flex min-w-56 flex-col gap-1 rounded-lg border border-slate-300 bg-white p-2 shadow-md"
      >
        {open && (typeof children === "function" ? children(close) : children)}
      </div>
    </div>
  );
}
