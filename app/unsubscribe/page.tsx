import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { kindOfLink } from "@/server/notifications/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("digest.unsubscribe");
  return { title: t("title") };
}

type Search = { u?: string; k?: string; t?: string; done?: string };

/**
 * An email's "stop these emails" link: works without signing in. Opening it changes nothing (mail
 * scanners open links); its button POSTs to /api/unsubscribe, which sends the person back here with `done`.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { u = "", k = "", t: token = "", done } = await searchParams;
  const kind = kindOfLink({ u, k, t: token });
  const t = await getTranslations("digest.unsubscribe");
  const back = (
    <p>
      <Link href="/account">{t("toAccount")}</Link>
    </p>
  );
  if (!kind || done === "0") {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-3xl font-bold">{t("badTitle")}</h1>
        <p>{t("badBody")}</p>
        {back}
      </div>
    );
  }
  const kindName = t(`kinds.${kind}`);
  if (done === "1") {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-3xl font-bold">{t("doneTitle")}</h1>
        <p>{t("doneBody", { kind: kindName })}</p>
        {back}
      </div>
    );
  }
  const query = new URLSearchParams({ u, t: token, ...(k ? { k } : {}) });
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("askTitle", { kind: kindName })}</h1>
      <p>{t("askBody")}</p>
      <form method="post" action={`/api/unsubscribe?${query}`}>
        <input type="hidden" name="from" value="page" />
        <Button type="submit">{t("confirm")}</Button>
      </form>
      {back}
    </div>
  );
}
