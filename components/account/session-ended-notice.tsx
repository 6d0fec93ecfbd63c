import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** On the sign-in page after a session ran out (components/account/session-guard.tsx sends people here). */
export function SessionEndedNotice({ reason, idleSeconds }: { reason: "idle" | "expired"; idleSeconds: number }) {
  const t = useTranslations("signIn");
  // Minutes as configured; seconds only under a test's very short limit.
  const idle =
    idleSeconds < 120 ? t("ended.idleSeconds", { seconds: idleSeconds }) : t("ended.idleMinutes", { minutes: Math.round(idleSeconds / 60) });
  return (
    <Notice>
      <p className="font-semibold">{reason === "idle" ? idle : t("ended.expired")}</p>
      <p className="mt-1">{t("ended.carryOn")}</p>
    </Notice>
  );
}
