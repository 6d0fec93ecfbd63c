"use client";
import { useTranslations } from "next-intl";
import { forwardRef, type SelectHTMLAttributes } from "react";
import { SelectField } from "@/components/ui/select-field";
import { timeZoneChoices } from "@/lib/time-zone";
import { useInBrowser } from "@/components/ui/use-browser-value";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; hint?: string; error?: string; current: string };

/**
 * The visit's time zone as a native select of every IANA zone the browser knows. The server (and
 * hydration) renders only the chosen zone, since its list of zones may differ from the browser's;
 * the full list follows in the browser.
 */
export const TimeZoneSelect = forwardRef<HTMLSelectElement, Props>(function TimeZoneSelect({ current, ...props }, ref) {
  const t = useTranslations("opinions.form");
  const inBrowser = useInBrowser();
  const zones = inBrowser ? timeZoneChoices(current) : current ? [current] : [];
  const options = [{ value: "", label: t("chooseZone") }, ...zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))];
  return <SelectField ref={ref} options={options} {...props} />;
});
