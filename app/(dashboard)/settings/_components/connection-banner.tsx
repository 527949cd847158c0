import { KeyRoundIcon, PlugZapIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ConnectionStatusDto } from "@/lib/connection/dto";

/**
 * The one banner every dashboard page shows about the Workfront connection: not connected, refused
 * ("reconnect Workfront"), or an API key close to its expiry. Admins get a link to Settings; others
 * are told whom to ask. A server component (not async, so next-intl's hooks work in it): it renders
 * with the page, from the stored state, in the reader's language.
 */
function SettingsLink({ children }: { children: string }) {
  return (
    <Link href="/settings" className="font-medium underline underline-offset-4">
      {children}
    </Link>
  );
}

export function ConnectionBanner({ status, isAdmin }: { status: ConnectionStatusDto; isAdmin: boolean }) {
  const t = useTranslations("settings.banner");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const connection = status.connection;
  if (!connection) {
    return (
      <Alert role="status" className="flex gap-3" data-testid="connection-banner">
        <PlugZapIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div>
          <AlertTitle>{t("notConnected.title")}</AlertTitle>
          <AlertDescription>{isAdmin ? <SettingsLink>{t("notConnected.admin")}</SettingsLink> : t("notConnected.other")}</AlertDescription>
        </div>
      </Alert>
    );
  }
  if (connection.state === "reconnect") {
    const fromEnv = status.source === "environment";
    return (
      <Alert role="status" variant="destructive" className="flex gap-3" data-testid="connection-banner">
        <KeyRoundIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div className="space-y-1">
          <AlertTitle>{t("reconnect.title", { source: status.source })}</AlertTitle>
          <AlertDescription className="space-y-1">
            <p>
              {fromEnv ? (
                t("reconnect.environment")
              ) : isAdmin ? (
                <SettingsLink>{t("reconnect.admin")}</SettingsLink>
              ) : (
                t("reconnect.other")
              )}
            </p>
            {/* Workfront's own (English) words, as a detail in the alert's colour (see ErrorMessage). */}
            {connection.reconnectReason ? <p className="text-xs">{tCommon("errorDetail", { message: connection.reconnectReason })}</p> : null}
          </AlertDescription>
        </div>
      </Alert>
    );
  }
  if (connection.keyExpiresSoon && connection.keyExpiresAt) {
    return (
      <Alert role="status" className="flex gap-3 border-amber-500/60 bg-amber-50 text-amber-950" data-testid="connection-banner">
        <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div>
          <AlertTitle>{t("expiring.title", { date: format.dateTime(new Date(connection.keyExpiresAt), "date") })}</AlertTitle>
          <AlertDescription>
            {t("expiring.lifetime", { days: status.keyLifetimeDays })}{" "}
            {isAdmin ? <SettingsLink>{t("expiring.admin")}</SettingsLink> : t("expiring.other")}
          </AlertDescription>
        </div>
      </Alert>
    );
  }
  return null;
}
