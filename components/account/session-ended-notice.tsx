import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { SessionEndReason } from "@/lib/vocabulary/session";

/** On the sign-in page after a session ended (components/account/session-guard.tsx sends people here, saying why). */
export function SessionEndedNotice({ reason, idleSeconds }: { reason: SessionEndReason; idleSeconds: number }) {
  const t = useTranslations("signIn");
  // Minutes as configured; seconds only under a test's very short limit.
  const idle =
    idleSeconds < 120 ? t("ended.idleSeconds", { seconds: idleSeconds }) : t("ended.idleMinutes", { minutes: Math.round(idleSeconds / 60) });
  return (
    <Notice>
      <p className="font-semibold">{reason === "idle" ? idle : t(`ended.${reason}`)}</p>
      <p className="mt-1">{t("ended.carryOn")}</p>
    </Notice>
  );
}
