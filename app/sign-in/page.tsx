import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignInForm } from "./_components/sign-in-form";
import { safeNextPath, signInError, signInOptions } from "./_components/sign-in-options";
import { SsoButton } from "./_components/sso-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("auth.signIn.title")} · ${t("common.appName")}` };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ callbackUrl?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const next = safeNextPath(callbackUrl);
  if (await getSessionUser()) redirect(next);
  // Read here, on the server: the client components get a label and a flag, never a setting.
  const { sso, localAccounts } = signInOptions(env());
  const problem = signInError(error);
  const t = await getTranslations("auth.signIn");
  return (
    <main className="mx-auto mt-16 max-w-sm space-y-6 px-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      {problem ? (
        <Alert variant="destructive">
          <AlertDescription>{t(`errors.${problem}`)}</AlertDescription>
        </Alert>
      ) : null}
      {sso ? <SsoButton name={sso.name} next={next} /> : null}
      {sso && localAccounts ? (
        <div className="flex items-center gap-3 text-xs text-muted-foreground">
          <span className="h-px flex-1 bg-border" aria-hidden />
          {t("or")}
          <span className="h-px flex-1 bg-border" aria-hidden />
        </div>
      ) : null}
      {localAccounts ? <SignInForm next={next} /> : null}
    </main>
  );
}
