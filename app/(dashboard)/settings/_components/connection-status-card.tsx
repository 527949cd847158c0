"use client";

import { CheckCircle2Icon, KeyRoundIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { useClientNow } from "@/lib/client/use-client-now";
import type { ConnectionDto, ConnectionStatusDto, WorkfrontUserDto } from "@/lib/connection/dto";

const DAY_MS = 86_400_000;

/** "Name <e-mail>": the Workfront user a credential belongs to, as Workfront names them. */
export function workfrontUserLabel(user: WorkfrontUserDto): string {
  const name = user.name ?? user.id;
  return user.email ? `${name} <${user.email}>` : name;
}

/** What the app is connected to, as whom, since when, and whether it still works. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-2 py-1.5">
      <dt className="text-muted-foreground">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A moment in the reader's language and the app's time zone; the full date and time on hover. */
function When({ iso, style = "dateTime" }: { iso: string; style?: "date" | "dateTime" }) {
  const format = useFormatter();
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={format.dateTime(date, "full")}>
      {format.dateTime(date, style)}
    </time>
  );
}

function KeyAge({ connection }: { connection: ConnectionDto }) {
  const t = useTranslations("settings.status");
  const now = useClientNow();
  if (!connection.keyCreatedAt) return null;
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(connection.keyCreatedAt)) / DAY_MS));
  return (
    <>
      <Row term={t("terms.keyAge")}>{t(connection.keyCreatedExact ? "keyAge" : "keyAgeAtLeast", { days })}</Row>
      {connection.keyExpiresAt ? (
        <Row term={t("terms.keyExpires")}>
          <When iso={connection.keyExpiresAt} style="date" />
          {connection.keyExpiresSoon ? (
            <Badge variant="destructive" className="ml-2">
              {t("soon")}
            </Badge>
          ) : null}
        </Row>
      ) : null}
    </>
  );
}

function StateBadge({ connection }: { connection: ConnectionDto | null }) {
  const t = useTranslations("settings.status.state");
  if (!connection) {
    return (
      <Badge variant="secondary" data-testid="connection-state">
        {t("none")}
      </Badge>
    );
  }
  return connection.state === "ok" ? (
    <Badge data-testid="connection-state">
      <CheckCircle2Icon className="size-3.5" aria-hidden /> {t("ok")}
    </Badge>
  ) : (
    <Badge variant="destructive" data-testid="connection-state">
      <KeyRoundIcon className="size-3.5" aria-hidden /> {t("reconnect")}
    </Badge>
  );
}

function ConnectionDetails({ status, connection }: { status: ConnectionStatusDto; connection: ConnectionDto }) {
  const t = useTranslations("settings.status");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const dateTime = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const mayEdit = connection.mayEditUsers === null ? "unknown" : connection.mayEditUsers ? "yes" : "no";
  return (
    <dl className="divide-y text-sm">
      <Row term={t("terms.tenant")}>{connection.tenantUrl}</Row>
      <Row term={t("terms.method")}>{t(`methods.${status.source === "environment" ? "environment" : connection.method}`)}</Row>
      {connection.hint ? (
        <Row term={t(connection.method === "oauth2" ? "terms.clientId" : "terms.apiKey")}>{t("hint", { hint: connection.hint })}</Row>
      ) : null}
      <Row term={t("terms.workfrontUser")}>{connection.workfrontUser ? workfrontUserLabel(connection.workfrontUser) : t("notTested")}</Row>
      <Row term={t("terms.mayEditUsers")}>{t(`mayEditUsers.${mayEdit}`)}</Row>
      <KeyAge connection={connection} />
      {connection.connectedAt ? (
        <Row term={t("terms.connected")}>
          {connection.connectedBy ? t("connectedBy", { when: dateTime(connection.connectedAt), email: connection.connectedBy }) : <When iso={connection.connectedAt} />}
        </Row>
      ) : null}
      <Row term={t("terms.lastTested")}>{connection.lastTestedAt ? <When iso={connection.lastTestedAt} /> : tCommon("never")}</Row>
      {connection.state === "reconnect" ? (
        <Row term={t("terms.problem")}>
          <p>{connection.reconnectAt ? t("problemAt", { when: dateTime(connection.reconnectAt) }) : t("problem")}</p>
          {connection.reconnectReason ? <p className="text-xs">{tCommon("errorDetail", { message: connection.reconnectReason })}</p> : null}
        </Row>
      ) : null}
    </dl>
  );
}

export function ConnectionStatusCard({ status, actions }: { status: ConnectionStatusDto; actions: ReactNode }) {
  const t = useTranslations("settings.status");
  const connection = status.connection;
  return (
    <section aria-labelledby="connection-heading" className="space-y-3 rounded-lg border p-4">
      <div className="flex items-center justify-between gap-4">
        <h2 id="connection-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <StateBadge connection={connection} />
      </div>
      {status.locked ? (
        <p role="note" className="rounded-md bg-muted px-3 py-2 text-sm">
          {t("locked")}
        </p>
      ) : null}
      {connection ? (
        <ConnectionDetails status={status} connection={connection} />
      ) : (
        <p className="text-sm text-muted-foreground">{t("nothing")}</p>
      )}
      {actions}
    </section>
  );
}
