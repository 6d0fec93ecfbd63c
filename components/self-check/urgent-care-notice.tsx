import { useId } from "react";

/**
 * The safety message (PRODUCT.md principle 2), shown wherever a case is marked urgent. A strongly
 * styled, labelled region rather than role="alert": it is present on page load, and an alert there
 * would interrupt a screen reader before the person has their bearings.
 */
export function UrgentCareNotice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="rounded-xl border-4 border-danger bg-danger-bg p-5">
      <Heading id={headingId} className="text-xl font-bold text-danger">
        If this is an emergency or feels urgent, seek care now
      </Heading>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        <li>
          <strong>Call your local emergency number</strong>, or contact your current care team straight away.
        </li>
        <li>A second opinion can come later, once things are stable. Do not put off urgent care to get one.</li>
        <li>SecondLook gives information to help you organise and reflect. It does not give medical advice.</li>
      </ul>
    </section>
  );
}
