import { useTranslations } from "next-intl";
import { initials } from "@/components/member/person-initials";
import type { MemberView } from "@/lib/member";

const SHOWN = 4;

/**
 * Small overlapping initials circles for the people in a case, on one line; names and roles are there for
 * screen readers and on hover. Beyond four people the rest are counted ("+3"), so a phone's header stays short.
 */
export function MemberAvatars({ members }: { members: Pick<MemberView, "id" | "name" | "role">[] }) {
  const t = useTranslations("sharing");
  const circle = "grid size-9 place-items-center rounded-full border-2 border-white text-sm font-semibold sm:size-10 sm:text-base";
  return (
    <ul aria-label={t("members.avatarsLabel")} className="flex shrink-0 -space-x-2">
      {members.map((member, i) => (
        <li key={member.id} title={t("members.avatarTitle", { name: member.name, role: t(`roles.${member.role}.name`) })} className={i < SHOWN ? undefined : "sr-only"}>
          <span aria-hidden="true" className={`${circle} bg-brand-100 text-brand-800`}>
            {initials(member.name)}
          </span>
          <span className="sr-only">{t("members.avatarName", { name: member.name, role: t(`roles.${member.role}.name`) })}</span>
        </li>
      ))}
      {members.length > SHOWN && (
        <li aria-hidden="true">
          <span className={`${circle} bg-slate-200 text-sm text-ink`}>{t("members.more", { count: members.length - SHOWN })}</span>
        </li>
      )}
    </ul>
  );
}
