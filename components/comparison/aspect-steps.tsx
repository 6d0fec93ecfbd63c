"use client";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { COMPARISON_ASPECTS } from "@/lib/vocabulary/comparison";

const END_STYLE = "aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 aria-disabled:hover:bg-white";

const ShownAspect = createContext(0);

/**
 * On phones the grid shows one aspect at a time: this holds which one, and draws Previous / Next and a
 * list to jump to any aspect above the grid. From md up the controls are hidden and every row shows.
 * The grid itself is rendered once, by the server; only the rows' visibility follows this state.
 */
export function AspectSteps({ children }: { children: ReactNode }) {
  const t = useTranslations("comparison.steps");
  const aspectName = useTranslations("comparison.aspect");
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const last = COMPARISON_ASPECTS.length - 1;
  const aspect = COMPARISON_ASPECTS[index] ?? COMPARISON_ASPECTS[0];
  const total = last + 1;
  const aspectOptions = COMPARISON_ASPECTS.map((a, i) => ({ value: String(i), label: t("option", { number: i + 1, aspect: aspectName(a) }) }));

  const go = (next: number) => {
    const clamped = Math.min(Math.max(next, 0), last);
    setIndex(clamped);
    const nextAspect = COMPARISON_ASPECTS[clamped] ?? COMPARISON_ASPECTS[0];
    setAnnouncement(t("showing", { number: clamped + 1, total, aspect: aspectName(nextAspect) }));
  };

  return (
    <ShownAspect.Provider value={index}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-4 md:hidden">
          <SelectField id="stepper-jump" label={t("jump")} options={aspectOptions} value={String(index)} onChange={(e) => go(Number(e.target.value))} />
          <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
            <div>
              <p className="text-sm font-semibold uppercase tracking-wide text-muted">
                {t("position", { number: index + 1, total })}
              </p>
              <h3 id="stepper-aspect" className="break-words text-xl font-bold">
                {aspectName(aspect)}
              </h3>
            </div>
            <div className="grid grid-cols-2 gap-2">
              {/* aria-disabled rather than disabled: the button keeps focus at the first and last aspect. */}
              <Button variant="secondary" aria-disabled={index === 0} className={END_STYLE} onClick={() => index > 0 && go(index - 1)}>
                <span aria-hidden="true">←</span> {t("previous")}
              </Button>
              <Button variant="secondary" aria-disabled={index === last} className={END_STYLE} onClick={() => index < last && go(index + 1)}>
                {t("next")} <span aria-hidden="true">→</span>
              </Button>
            </div>
          </div>
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
        </div>
        {children}
      </div>
    </ShownAspect.Provider>
  );
}

/** One aspect's row of the grid: always shown from md up, only while it is the chosen aspect below. */
export function AspectRow({ index, className, children }: { index: number; className: string; children: ReactNode }) {
  const shown = useContext(ShownAspect) === index;
  return (
    <div role="row" className={shown ? className : `max-md:hidden ${className}`}>
      {children}
    </div>
  );
}
