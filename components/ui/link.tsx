"use client";
import NextLink, { type LinkProps } from "next/link";
import { useState } from "react";

/**
 * Next's link, fetching the next page only once someone shows they may open it (a pointer over it, focus):
 * by default Next fetches every link on the screen as the page loads, which cost a phone 5–14 KiB and the
 * server a render per link on every case page (docs/PERFORMANCE.md "Phone"). `prefetch={false}` still means
 * never. The pattern is Next's own "hover-triggered prefetch" (node_modules/next/dist/docs, Prefetching).
 */
export function Link<RouteType>({ prefetch, onPointerEnter, onFocus, ...props }: LinkProps<RouteType>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink<RouteType>
      {...props}
      prefetch={prefetch === false || !intent ? false : (prefetch ?? null)}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
