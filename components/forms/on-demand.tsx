import { lazy, type ComponentType } from "react";

/**
 * A form that loads when it is first shown (a card's edit form, a revealed panel): react-hook-form and
 * the form's own code stay out of the page's first load. React's own `lazy`, not `next/dynamic`, whose
 * server-rendering machinery cost every page that used it ~2 KiB of script for forms that are never on
 * screen at load. No `Suspense` of its own, as with `next/dynamic`: opening waits until the form's code
 * is there and then shows it whole, so what the opener does next (focus into the form) finds it.
 */
export function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}
