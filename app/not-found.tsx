import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("layout");
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-muted">{t("notFoundBody")}</p>
      <p className="mt-4">
        <Link href="/">{t("goToStart")}</Link>
      </p>
    </div>
  );
}
