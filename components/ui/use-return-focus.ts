"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * Hands focus back to `target` (the button that opened an in-place form or confirmation step) when
 * `open` turns false. It runs after React has put the button back, which a requestAnimationFrame
 * scheduled from an async handler does not guarantee.
 */
export function useReturnFocus(open: boolean, target: RefObject<HTMLElement | null>) {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) target.current?.focus();
    wasOpen.current = open;
  }, [open, target]);
}
