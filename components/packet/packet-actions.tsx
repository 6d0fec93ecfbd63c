"use client";
import { useSyncExternalStore } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

const subscribe = () => () => {};

/**
 * Print (the browser's own dialog, which prints only the packet) and the server-made PDF. The PDF
 * link gains the reader's time zone once in the browser, so the visit time reads as their local time.
 */
export function PacketActions({ pdfHref }: { pdfHref: string }) {
  const timeZone = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
  const href = timeZone ? `${pdfHref}${pdfHref.includes("?") ? "&" : "?"}tz=${encodeURIComponent(timeZone)}` : pdfHref;
  return (
    <div className="flex flex-wrap gap-3 print:hidden">
      <Button variant="secondary" onClick={() => window.print()}>
        Print the packet
      </Button>
      <a href={href} download className={buttonClasses("primary")}>
        Download as PDF
      </a>
    </div>
  );
}
