import { LocalDate } from "@/components/ui/local-date";
import { ROLE_LABELS } from "@/lib/vocabulary/member";
import type { MemberView } from "@/lib/member";

/** A member with whether their access end date has passed, as of the page's request. */
export type MemberRow = MemberView & { accessEnded: boolean };

/** Everyone with access (and, for the owner, people whose access has ended), with dates. */
export function MembersTable({ members }: { members: MemberRow[] }) {
  return (
    <div role="region" aria-labelledby="members-caption" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-left">
        <caption id="members-caption" className="px-4 pt-3 text-left text-lg font-semibold">
          People in this case
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Email</th>
            <th scope="col" className="px-4 py-2">Role</th>
            <th scope="col" className="px-4 py-2">Joined</th>
            <th scope="col" className="px-4 py-2">Last active</th>
            <th scope="col" className="px-4 py-2">Access ends</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-b border-slate-200 last:border-b-0">
              <td className="min-w-36 px-4 py-3 font-semibold">
                {member.name}
                {member.isMe && " (you)"}
              </td>
              <td className="whitespace-nowrap px-4 py-3">{member.email ?? <span className="text-muted">Not shown</span>}</td>
              <td className="whitespace-nowrap px-4 py-3">{ROLE_LABELS[member.role].name}</td>
              <td className="whitespace-nowrap px-4 py-3">
                <LocalDate date={member.joinedAt} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">{member.lastActiveAt ? <LocalDate date={member.lastActiveAt} /> : "Not yet"}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {member.accessEndsAt ? (
                  <>
                    {member.accessEnded ? "Ended " : ""}
                    <LocalDate date={member.accessEndsAt} />
                  </>
                ) : (
                  "No end date"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
