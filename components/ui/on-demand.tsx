import { lazy, type ComponentType } from "react";

/**
 * A part that loads when it is first shown — a card's edit form, the "confirm it's you" dialog's ways,
 * earlier activity — so react-hook-form and the part's own code stay out of the page's first load.
 * React's own `lazy`, not `next/dynamic`, whose server-rendering machinery cost every page that used it
 * ~2 KiB of script for parts never on screen at load. No `Suspense` of its own, as with `next/dynamic`:
 * opening waits until the code is there and then shows the part whole, so what the opener does next
 * (focus into the form) finds it. A caller that would rather show something meanwhile wraps it in one.
 */
export function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}
