import { useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import type { MemberView } from "@/lib/member";

/** A member with whether their access end date has passed, as of the page's request. */
export type MemberRow = MemberView & { accessEnded: boolean };

/** Everyone with access (and, for the owner, people whose access has ended), with dates. */
export function MembersTable({ members }: { members: MemberRow[] }) {
  const t = useTranslations("sharing");
  return (
    <div role="region" aria-labelledby="members-caption" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-left">
        <caption id="members-caption" className="px-4 pt-3 text-left text-lg font-semibold">
          {t("members.caption")}
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-4 py-2">{t("members.name")}</th>
            <th scope="col" className="px-4 py-2">{t("members.email")}</th>
            <th scope="col" className="px-4 py-2">{t("members.role")}</th>
            <th scope="col" className="px-4 py-2">{t("members.joined")}</th>
            <th scope="col" className="px-4 py-2">{t("members.lastActive")}</th>
            <th scope="col" className="px-4 py-2">{t("members.accessEnds")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-b border-slate-200 last:border-b-0">
              <td className="min-w-36 px-4 py-3 font-semibold">
                {member.isMe ? t("members.you", { name: member.name }) : member.name}
              </td>
              <td className="whitespace-nowrap px-4 py-3">{member.email ?? <span className="text-muted">{t("members.notShown")}</span>}</td>
              <td className="whitespace-nowrap px-4 py-3">{t(`roles.${member.role}.name`)}</td>
              <td className="whitespace-nowrap px-4 py-3">
                <LocalDate date={member.joinedAt} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">{member.lastActiveAt ? <LocalDate date={member.lastActiveAt} /> : t("members.notYet")}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {member.accessEndsAt ? (
                  member.accessEnded ? (
                    t.rich("members.ended", { date: () => <LocalDate date={member.accessEndsAt!} /> })
                  ) : (
                    <LocalDate date={member.accessEndsAt} />
                  )
                ) : (
                  t("members.noEndDate")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
