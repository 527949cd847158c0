"use client";

import { CircleAlertIcon, KeyRoundIcon, RefreshCwIcon, WifiOffIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RequestError } from "@/lib/client/fetch-json";

type BannerKind = "credential" | "notConnected" | "unreachable" | "forbidden" | "badLink" | "signedOut" | "other";

/** Each kind of failure says what happened and what to do: a banner, never a blank table. */
const banners: Record<BannerKind, { title: string; hint: string | null; icon: typeof CircleAlertIcon; retry: boolean }> = {
  credential: {
    title: "Workfront refused the credential — reconnect Workfront",
    hint: "The key has expired or was revoked. An admin must reconnect Workfront (in Settings) before users can be listed or changed.",
    icon: KeyRoundIcon,
    retry: true,
  },
  notConnected: {
    title: "Workfront is not connected",
    hint: "An admin connects it in Settings; until then users cannot be listed or changed.",
    icon: KeyRoundIcon,
    retry: true,
  },
  unreachable: {
    title: "Workfront is not reachable right now",
    hint: "Nothing was changed. Try again in a moment.",
    icon: WifiOffIcon,
    retry: true,
  },
  forbidden: { title: "Your account may not see users", hint: "Ask an administrator for access.", icon: CircleAlertIcon, retry: false },
  badLink: { title: "This view's address is not valid", hint: null, icon: CircleAlertIcon, retry: false },
  signedOut: { title: "Your session has ended", hint: "Taking you to the sign-in page…", icon: CircleAlertIcon, retry: false },
  other: { title: "Users could not be loaded", hint: null, icon: CircleAlertIcon, retry: true },
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

export function UsersErrorBanner({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const kind = kindOf(error);
  const banner = banners[kind];
  const Icon = banner.icon;
  return (
    <Alert variant="destructive" className="flex gap-3">
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex-1 space-y-1">
        <AlertTitle>{banner.title}</AlertTitle>
        <AlertDescription className="space-y-1">
          <p>{error.message}</p>
          {banner.hint ? <p>{banner.hint}</p> : null}
          {kind === "badLink" ? (
            <p>
              <Link href="/users" className="font-medium underline underline-offset-4">
                Show all active users
              </Link>
            </p>
          ) : null}
        </AlertDescription>
      </div>
      {banner.retry ? (
        <Button variant="outline" size="sm" className="shrink-0 text-foreground" onClick={onRetry}>
          <RefreshCwIcon className="size-4" aria-hidden />
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
