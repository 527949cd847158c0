import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/auth/sso-accounts";
import { SSO_REFUSAL_COOKIE, openRefusal } from "@/lib/auth/sso-refusal";
import { env } from "@/lib/env";
import { RefusalDetails } from "./_components/refusal-details";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("auth.noAccess.title")} · ${t("common.appName")}` };
}
export const dynamic = "force-dynamic";

const isRefusal = (value: unknown): value is SsoRefusal => (SSO_REFUSALS as readonly unknown[]).includes(value);

/**
 * Where a single sign-on that gives no access here ends: reached without a session, so it needs
 * none. The reason comes from the URL as a code; who was refused comes only from the sealed
 * cookie the sign-in left (lib/auth/sso-refusal.ts), so a link cannot make it name anyone.
 */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason: requested } = await searchParams;
  const reason = isRefusal(requested) ? requested : "unknown";
  const config = env();
  const note = await openRefusal((await cookies()).get(SSO_REFUSAL_COOKIE)?.value, config.AUTH_SECRET);
  const idp = config.AUTH_OIDC_NAME;
  const t = await getTranslations("auth.noAccess");
  return (
    <main className="mx-auto mt-16 max-w-lg space-y-6 px-4">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t(`reasons.${reason}`, { idp })}</p>
      </div>
      {note && note.reason === reason ? <RefusalDetails note={note} idp={idp} /> : null}
      <section aria-labelledby="what-now" className="space-y-2">
        <h2 id="what-now" className="text-base font-semibold">
          {t("whatNowTitle")}
        </h2>
        <p className="text-sm">{t(`whatNow.${reason}`, { idp })}</p>
        <p className="text-sm text-muted-foreground">{t("sameAnswer", { idp })}</p>
      </section>
      <Link href="/sign-in" className={buttonVariants({ variant: "outline" })}>
        {t("backToSignIn")}
      </Link>
    </main>
  );
}
