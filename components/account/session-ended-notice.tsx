import { Notice } from "@/components/ui/notice";

/** On the sign-in page after a session ran out (components/account/session-guard.tsx sends people here). */
export function SessionEndedNotice({ reason, idleSeconds }: { reason: "idle" | "expired"; idleSeconds: number }) {
  // Minutes as configured; seconds only under a test's very short limit.
  const idle = idleSeconds < 120 ? `${idleSeconds} seconds` : `${Math.round(idleSeconds / 60)} minutes`;
  return (
    <Notice>
      <p className="font-semibold">
        {reason === "idle"
          ? `For your safety, you were signed out after ${idle} without activity.`
          : "For your safety, you were signed out because this session reached its time limit."}
      </p>
      <p className="mt-1">
        Sign in again to carry on where you were. Anything you were typing is kept on this device and will be put back.
      </p>
    </Notice>
  );
}
