import { initials } from "@/components/member/person-initials";
import { type MemberView, ROLE_LABELS } from "@/lib/member";

/** Small initials circles for the people in a case; names and roles are there for screen readers and on hover. */
export function MemberAvatars({ members }: { members: Pick<MemberView, "id" | "name" | "role">[] }) {
  return (
    <ul aria-label="People in this case" className="flex flex-wrap gap-1">
      {members.map((member) => (
        <li key={member.id} title={`${member.name} (${ROLE_LABELS[member.role].name})`}>
          <span
            aria-hidden="true"
            className="grid size-10 place-items-center rounded-full border-2 border-white bg-brand-100 font-semibold text-brand-800"
          >
            {initials(member.name)}
          </span>
          <span className="sr-only">
            {member.name}, {ROLE_LABELS[member.role].name}
          </span>
        </li>
      ))}
    </ul>
  );
}
