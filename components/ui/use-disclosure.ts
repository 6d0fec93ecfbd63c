"use client";
import { type RefObject, useEffect, useId, useRef, useState } from "react";

/**
 * An open/closed panel behind a button (the account menu, a card's "more actions", the phone's section
 * menu). A press outside closes it; Escape closes it and returns focus to its button, whose ref the
 * caller may own (to send focus back there itself).
 */
export function useDisclosure<Root extends HTMLElement = HTMLDivElement>(buttonRef?: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<Root>(null);
  const ownButton = useRef<HTMLButtonElement>(null);
  const toggle = buttonRef ?? ownButton;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, toggle]);

  return {
    open,
    setOpen,
    close: () => setOpen(false),
    root,
    /** Spread on the toggle button. */
    buttonProps: { ref: toggle, "aria-expanded": open, "aria-controls": panelId, onClick: () => setOpen((was) => !was) },
    /** Spread on the panel. */
    panelProps: { id: panelId, hidden: !open },
  };
}
