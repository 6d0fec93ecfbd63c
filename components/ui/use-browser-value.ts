import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A value only the browser knows — its time zone, a draft kept on this device — that does not change
 * while the page is open. The server's render and hydration use `onServer`, so the first render matches
 * the server's HTML; the browser's own value follows at once, without an effect's extra pass.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(noSubscription, inBrowser, () => onServer);
}

/** False on the server and while hydrating its HTML, true after (and for parts first rendered in the browser). */
export function useInBrowser(): boolean {
  return useBrowserValue(() => true, false);
}
