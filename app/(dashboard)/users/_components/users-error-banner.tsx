"use client";

import { CircleAlertIcon, KeyRoundIcon, RefreshCwIcon, WifiOffIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RequestError } from "@/lib/client/fetch-json";
import { ErrorMessage } from "@/components/error-message";
import { useConnectionNotice } from "../../_components/connection-notice";

type BannerKind = "credential" | "notConnected" | "unreachable" | "forbidden" | "badLink" | "signedOut" | "other";

/**
 * Each kind of failure says what happened and what to do: a banner, never a blank table. Its
 * words are in users.errors.<kind>: a title, and a hint where there is something to do.
 */
const banners: Record<BannerKind, { icon: typeof CircleAlertIcon; retry: boolean }> = {
  credential: { icon: KeyRoundIcon, retry: true },
  notConnected: { icon: KeyRoundIcon, retry: true },
  unreachable: { icon: WifiOffIcon, retry: true },
  forbidden: { icon: CircleAlertIcon, retry: false },
  badLink: { icon: CircleAlertIcon, retry: false },
  signedOut: { icon: CircleAlertIcon, retry: false },
  other: { icon: CircleAlertIcon, retry: true },
};

const kindByCode: Partial<Record<string, BannerKind>> = {
  workfront_auth: "credential",
  workfront_not_connected: "notConnected",
  workfront_unavailable: "unreachable",
  workfront_timeout: "unreachable",
  workfront_busy: "unreachable",
  forbidden: "forbidden",
  invalid_request: "badLink",
  unauthenticated: "signedOut",
};

function kindOf(error: Error): BannerKind {
  return (error instanceof RequestError && kindByCode[error.code]) || "other";
}

/** The hint of the kinds that have one. */
function Hint({ kind }: { kind: BannerKind }) {
  const t = useTranslations("users.errors");
  switch (kind) {
    case "credential":
    case "notConnected":
    case "unreachable":
    case "forbidden":
    case "signedOut":
      return <p>{t(`${kind}.hint`)}</p>;
    default:
      return null;
  }
}

export function UsersErrorBanner({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useTranslations("users.errors");
  const common = useTranslations("common.actions");
  const kind = kindOf(error);
  const banner = banners[kind];
  const Icon = banner.icon;
  const notice = useConnectionNotice();
  // The layout's banner already says it (and what to do): point there, once, with a way to retry.
  if ((kind === "credential" && notice === "reconnect") || (kind === "notConnected" && notice === "notConnected")) {
    return (
      <div role="alert" className="flex items-center gap-3 rounded-md border p-3 text-sm">
        <p className="flex-1">{t(`seeAbove.${kind}`)}</p>
        <Button variant="outline" size="sm" className="shrink-0" onClick={onRetry}>
          <RefreshCwIcon className="size-4" aria-hidden />
          {common("retry")}
        </Button>
      </div>
    );
  }
  return (
    <Alert variant="destructive" className="flex gap-3">
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex-1 space-y-1">
        <AlertTitle>{t(`${kind}.title`)}</AlertTitle>
        <AlertDescription className="space-y-1">
          <ErrorMessage error={error} />
          <Hint kind={kind} />
          {kind === "badLink" ? (
            <p>
              <Link href="/users" className="font-medium underline underline-offset-4">
                {t("badLink.link")}
              </Link>
            </p>
          ) : null}
        </AlertDescription>
      </div>
      {banner.retry ? (
        <Button variant="outline" size="sm" className="shrink-0 text-foreground" onClick={onRetry}>
          <RefreshCwIcon className="size-4" aria-hidden />
          {common("retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
