import { KeyRoundIcon, PlugZapIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ConnectionStatusDto } from "@/lib/connection/dto";

/**
 * The one banner every dashboard page shows about the Workfront connection: not connected, refused
 * ("reconnect Workfront"), or an API key close to its expiry. Admins get a link to Settings; others
 * are told whom to ask. A server component: it renders with the page, from the stored state.
 */
function SettingsLink({ children }: { children: string }) {
  return (
    <Link href="/settings" className="font-medium underline underline-offset-4">
      {children}
    </Link>
  );
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export function ConnectionBanner({ status, isAdmin }: { status: ConnectionStatusDto; isAdmin: boolean }) {
  const connection = status.connection;
  if (!connection) {
    return (
      <Alert role="status" className="flex gap-3" data-testid="connection-banner">
        <PlugZapIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div>
          <AlertTitle>Workfront is not connected</AlertTitle>
          <AlertDescription>
            {isAdmin ? <SettingsLink>Connect Workfront in Settings</SettingsLink> : "Ask an admin to connect Workfront in Settings."}
          </AlertDescription>
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
          <AlertTitle>Workfront refused the {fromEnv ? "credential in WORKFRONT_API_KEY" : "stored credential"}: reconnect Workfront</AlertTitle>
          <AlertDescription className="space-y-1">
            {connection.reconnectReason ? <p>{connection.reconnectReason}</p> : null}
            <p>
              {fromEnv ? (
                "An administrator must update WORKFRONT_API_KEY on the server and restart the app."
              ) : isAdmin ? (
                <SettingsLink>Reconnect in Settings</SettingsLink>
              ) : (
                "Ask an admin to reconnect Workfront in Settings."
              )}
            </p>
          </AlertDescription>
        </div>
      </Alert>
    );
  }
  if (connection.keyExpiresSoon && connection.keyExpiresAt) {
    const date = dateFormat.format(new Date(connection.keyExpiresAt));
    return (
      <Alert role="status" className="flex gap-3 border-amber-500/60 bg-amber-50 text-amber-950" data-testid="connection-banner">
        <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div>
          <AlertTitle>The Workfront API key expires around {date}</AlertTitle>
          <AlertDescription>
            Workfront keys expire {status.keyLifetimeDays} days after they are made, unless the tenant is set otherwise.{" "}
            {isAdmin ? <SettingsLink>Renew it in Settings</SettingsLink> : "Ask an admin to renew it in Settings."}
          </AlertDescription>
        </div>
      </Alert>
    );
  }
  return null;
}
