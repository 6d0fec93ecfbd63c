import type { ReactNode } from "react";

const TONES = {
  info: "border-brand-600 bg-brand-50",
  success: "border-brand-600 bg-brand-50",
  caution: "border-caution bg-caution-bg text-caution",
} as const;

/** A boxed message; `role="status"` so a screen reader announces it when it appears. */
export function Notice({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role="status" className={`rounded-lg border-l-4 p-4 ${TONES[tone]}`}>
      {children}
    </div>
  );
}
