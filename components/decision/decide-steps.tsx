"use client";
import { createContext, type ReactNode, useContext, useEffect, useId, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslations } from "next-intl";

type Steps = { isOpen: (part: string) => boolean; toggle: (part: string) => void };
const StepsContext = createContext<Steps>({ isOpen: () => true, toggle: () => {} });

/**
 * The Decide page's parts. From md up every part is shown; on a phone only the current step starts
 * open and the others are one tap away, so the page is read one step at a time. Which parts are open
 * is the reader's own state: a refresh after saving does not close the part they are working in.
 */
export function DecideSteps({ current, children }: { current: string; children: ReactNode }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set([current]));

  // A link to a place inside a collapsed part (the step list, "Go to what matters most") opens that
  // part first, synchronously, so the browser's own jump to the anchor finds it shown.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const id = link?.getAttribute("href")?.slice(1);
      const part = id ? document.getElementById(decodeURIComponent(id))?.closest<HTMLElement>("[data-part]")?.dataset.part : undefined;
      if (part) flushSync(() => setOpen((was) => (was.has(part) ? was : new Set(was).add(part))));
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  const steps: Steps = {
    isOpen: (part) => open.has(part),
    toggle: (part) =>
      setOpen((was) => {
        const next = new Set(was);
        if (!next.delete(part)) next.add(part);
        return next;
      }),
  };
  return <StepsContext.Provider value={steps}>{children}</StepsContext.Provider>;
}

/**
 * One part of the page: its heading, and on phones a Show / Hide button beside it. The content stays
 * in the page when hidden (display: none below md only), so nothing is rendered twice or lost.
 */
export function DecidePart({
  part,
  eyebrow,
  title,
  titleId,
  className = "",
  // Smaller on phones, so a collapsed step's heading stays on one line and the current step is on the first screen.
  titleClassName = "text-xl font-semibold md:text-2xl",
  children,
}: {
  part: string;
  /** "Step 1 of 3", above the heading. */
  eyebrow?: string;
  title: string;
  titleId: string;
  className?: string;
  titleClassName?: string;
  children: ReactNode;
}) {
  const t = useTranslations("decision");
  const { isOpen, toggle } = useContext(StepsContext);
  const panelId = useId();
  const open = isOpen(part);
  return (
    <section id={`part-${part}`} data-part={part} aria-labelledby={titleId} className={`flex scroll-mt-4 flex-col gap-4 ${className}`}>
      <div className="flex items-start justify-between gap-3">
        <div>
          {eyebrow && <p className="text-sm font-semibold uppercase tracking-wide text-muted">{eyebrow}</p>}
          <h2 id={titleId} className={titleClassName}>
            {title}
          </h2>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={open ? t("hidePart", { title }) : t("showPart", { title })}
          onClick={() => toggle(part)}
          className="min-h-11 shrink-0 rounded-lg border-2 border-slate-300 bg-white px-3 font-semibold text-ink hover:bg-slate-100 md:hidden"
        >
          {open ? t("hide") : t("show")}
        </button>
      </div>
      <div id={panelId} className={open ? "flex flex-col gap-4" : "flex flex-col gap-4 max-md:hidden"}>
        {children}
      </div>
    </section>
  );
}
