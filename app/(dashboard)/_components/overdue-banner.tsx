import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/**
 * On every page while a scheduled deactivation is overdue (not run within 15 minutes of its time,
 * by the database's clock): the app was down, Workfront unreachable or the credential refused.
 */
export async function OverdueBanner({ count }: { count: number }) {
  if (count === 0) return null;
  const t = await getTranslations("schedule.banner");
  return (
    <Alert variant="destructive" data-testid="overdue-banner">
      <AlertTitle>{t("title", { count })}</AlertTitle>
      <AlertDescription>
        <p>{t("body")}</p>
        <Link href="/scheduled" className="font-medium underline underline-offset-4">
          {t("link")}
        </Link>
      </AlertDescription>
    </Alert>
  );
}
