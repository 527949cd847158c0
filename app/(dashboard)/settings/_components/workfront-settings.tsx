"use client";

import { RefreshCwIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ConnectionStatusDto } from "@/lib/connection/dto";
import { ConnectForm } from "./connect-form";
import { ConnectionStatusCard } from "./connection-status-card";
import { DisconnectDialog } from "./disconnect-dialog";
import { useConnection } from "./use-connection";

/** The Settings page's client part: the status with Test and Disconnect, and the connect form. */
export function WorkfrontSettings({ initialStatus }: { initialStatus: ConnectionStatusDto }) {
  const { status, connect, test, disconnect } = useConnection(initialStatus);
  const connection = status.connection;
  const testResult = test.data?.test;

  const actions = connection ? (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={test.isPending} onClick={() => test.mutate()}>
          <RefreshCwIcon className="size-4" aria-hidden />
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        {status.locked ? null : (
          <DisconnectDialog
            connection={connection}
            pending={disconnect.isPending}
            onConfirm={() =>
              disconnect.mutateAsync().then(
                (answer) => toast.success(answer.result.message),
                (error: Error) => toast.error(error.message),
              )
            }
          />
        )}
      </div>
      <div aria-live="polite">
        {testResult ? (
          <p
            data-testid="test-result"
            className={testResult.ok ? "text-sm text-emerald-700" : "text-sm text-destructive"}
          >
            {testResult.message}
          </p>
        ) : test.error ? (
          <p data-testid="test-result" className="text-sm text-destructive">
            {test.error.message}
          </p>
        ) : null}
      </div>
    </div>
  ) : null;

  return (
    <div className="space-y-6">
      <ConnectionStatusCard status={status} actions={actions} />
      {status.locked ? null : (
        <section aria-labelledby="connect-heading" className="space-y-3 rounded-lg border p-4">
          <h2 id="connect-heading" className="text-lg font-semibold">
            {connection ? "Reconnect or replace the connection" : "Connect Workfront"}
          </h2>
          {status.canStore ? null : (
            <p role="alert" className="text-sm text-destructive">
              The server has no secret to encrypt a stored credential with: set WORKFRONT_CREDENTIAL_SECRET (or AUTH_SECRET), at least 32
              characters, and restart.
            </p>
          )}
          <ConnectForm
            defaultTenant={connection?.tenantUrl ?? status.suggestedTenant}
            disabled={!status.canStore}
            pending={connect.isPending}
            error={connect.error?.message ?? null}
            onSubmit={(body) =>
              connect.mutateAsync(body).then((next) => {
                toast.success(`Connected to ${next.connection?.tenantUrl ?? "Workfront"}`);
              })
            }
          />
        </section>
      )}
    </div>
  );
}
