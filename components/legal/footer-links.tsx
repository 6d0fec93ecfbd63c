import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

/** The privacy notice and the accessibility statement, from every page's footer (a server component). */
export function FooterLinks() {
  const privacy = useTranslations("privacy");
  const accessibility = useTranslations("accessibility");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-6">
      {/* Each link at least 24 px tall (WCAG 2.5.8 target size): the footer's small text alone is 20 px. */}
      <li>
        <Link href="/privacy" className="inline-flex min-h-6 items-center">
          {privacy("footerLink")}
        </Link>
      </li>
      <li>
        <Link href="/accessibility" className="inline-flex min-h-6 items-center">
          {accessibility("footerLink")}
        </Link>
      </li>
    </ul>
  );
}

/** One line under the sign-up form: what SecondLook keeps, before someone gives it anything. */
export function SignUpPrivacyNote() {
  const t = useTranslations("privacy");
  return (
    <p className="mx-auto mt-4 w-full max-w-md text-muted">
      {t.rich("signUpNote", { link: (chunks) => <Link href="/privacy">{chunks}</Link> })}
    </p>
  );
}
