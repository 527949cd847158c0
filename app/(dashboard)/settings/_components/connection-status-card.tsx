"use client";

import { CheckCircle2Icon, KeyRoundIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ConnectionDto, ConnectionStatusDto } from "@/lib/connection/dto";
import { methodLabels } from "@/lib/connection/vocabulary";
import { ageInDays, formatDate, formatDateTime } from "./format";

/** What the app is connected to, as whom, since when, and whether it still works. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-2 py-1.5">
      <dt className="text-muted-foreground">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function KeyAge({ connection }: { connection: ConnectionDto }) {
  if (!connection.keyCreatedAt) return null;
  const days = ageInDays(connection.keyCreatedAt);
  const age = `${days} ${days === 1 ? "day" : "days"}${connection.keyCreatedExact ? "" : " (at least: counted from when it was connected here)"}`;
  return (
    <>
      <Row term="Key age">{age}</Row>
      {connection.keyExpiresAt ? (
        <Row term="Key expires">
          {formatDate(connection.keyExpiresAt)}
          {connection.keyExpiresSoon ? (
            <Badge variant="destructive" className="ml-2">
              soon
            </Badge>
          ) : null}
        </Row>
      ) : null}
    </>
  );
}

export function ConnectionStatusCard({ status, actions }: { status: ConnectionStatusDto; actions: ReactNode }) {
  const connection = status.connection;
  return (
    <section aria-labelledby="connection-heading" className="space-y-3 rounded-lg border p-4">
      <div className="flex items-center justify-between gap-4">
        <h2 id="connection-heading" className="text-lg font-semibold">
          Workfront connection
        </h2>
        {connection ? (
          connection.state === "ok" ? (
            <Badge data-testid="connection-state">
              <CheckCircle2Icon className="size-3.5" aria-hidden /> Connected
            </Badge>
          ) : (
            <Badge variant="destructive" data-testid="connection-state">
              <KeyRoundIcon className="size-3.5" aria-hidden /> Reconnect needed
            </Badge>
          )
        ) : (
          <Badge variant="secondary" data-testid="connection-state">
            Not connected
          </Badge>
        )}
      </div>
      {status.locked ? (
        <p role="note" className="rounded-md bg-muted px-3 py-2 text-sm">
          Locked: WORKFRONT_API_KEY is set in the server&apos;s environment, which overrides this page. To change the connection, update
          WORKFRONT_URL and WORKFRONT_API_KEY on the server and restart the app. You can still test it here.
        </p>
      ) : null}
      {connection ? (
        <dl className="divide-y text-sm">
          <Row term="Tenant">{connection.tenantUrl}</Row>
          <Row term="Method">
            {status.source === "environment" ? "API key from the environment (WORKFRONT_API_KEY)" : methodLabels[connection.method]}
          </Row>
          {connection.hint ? <Row term={connection.method === "oauth2" ? "Client ID" : "API key"}>{`ends in …${connection.hint}`}</Row> : null}
          <Row term="Workfront user">
            {connection.workfrontUser
              ? `${connection.workfrontUser.name ?? connection.workfrontUser.id}${connection.workfrontUser.email ? ` <${connection.workfrontUser.email}>` : ""}`
              : "not tested yet"}
          </Row>
          <Row term="May edit users">
            {connection.mayEditUsers === null ? "unknown" : connection.mayEditUsers ? "yes (System Administrator)" : "no: not a System Administrator"}
          </Row>
          <KeyAge connection={connection} />
          {connection.connectedAt ? (
            <Row term="Connected">{`${formatDateTime(connection.connectedAt)}${connection.connectedBy ? ` by ${connection.connectedBy}` : ""}`}</Row>
          ) : null}
          <Row term="Last tested">{formatDateTime(connection.lastTestedAt)}</Row>
          {connection.state === "reconnect" ? (
            <Row term="Problem">{`${connection.reconnectReason ?? "Workfront refused the credential"} (${formatDateTime(connection.reconnectAt)})`}</Row>
          ) : null}
        </dl>
      ) : (
        <p className="text-sm text-muted-foreground">Nothing is connected: users cannot be listed or changed until an admin connects Workfront below.</p>
      )}
      {actions}
    </section>
  );
}
