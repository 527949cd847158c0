"use client";

import { RefreshCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { notify } from "@/components/ui/sonner";
import { useErrorText } from "@/lib/client/use-error-text";
import type { ConnectionStatusDto } from "@/lib/connection/dto";
import { ConnectForm } from "./connect-form";
import { ConnectionStatusCard } from "./connection-status-card";
import { DisconnectDialog } from "./disconnect-dialog";
import { TestResult } from "./test-result";
import { useConnection } from "./use-connection";

/** The Settings page's client part: the status with Test and Disconnect, and the connect form. */
export function WorkfrontSettings({ initialStatus }: { initialStatus: ConnectionStatusDto }) {
  const t = useTranslations("settings");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const { status, connect, test, disconnect } = useConnection(initialStatus);
  const connection = status.connection;

  const actions = connection ? (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={test.isPending} onClick={() => test.mutate()}>
          <RefreshCwIcon className="size-4" aria-hidden />
          {test.isPending ? t("test.pending") : t("test.button")}
        </Button>
        {status.locked ? null : (
          <DisconnectDialog
            connection={connection}
            pending={disconnect.isPending}
            onConfirm={() =>
              disconnect.mutateAsync().then(
                (answer) => notify.success(t(`disconnect.done.${answer.result.key}`)),
                (error: unknown) => {
                  const { message, detail } = errorText(error);
                  notify.error(message, detail && detail !== message ? tCommon("errorDetail", { message: detail }) : null);
                },
              )
            }
          />
        )}
      </div>
      <div aria-live="polite">
        <TestResult answer={test.data} error={test.error} />
      </div>
    </div>
  ) : null;

  return (
    <div className="space-y-6">
      <ConnectionStatusCard status={status} actions={actions} />
      {status.locked ? null : (
        <section aria-labelledby="connect-heading" className="space-y-3 rounded-lg border p-4">
          <h2 id="connect-heading" className="text-lg font-semibold">
            {connection ? t("connect.replaceHeading") : t("connect.heading")}
          </h2>
          {status.canStore ? null : (
            <p role="alert" className="text-sm text-destructive">
              {t("connect.noSecret")}
            </p>
          )}
          <ConnectForm
            defaultTenant={connection?.tenantUrl ?? status.suggestedTenant}
            disabled={!status.canStore}
            pending={connect.isPending}
            error={connect.error}
            onSubmit={(body) =>
              connect.mutateAsync(body).then((next) => {
                notify.success(t("connect.done", { tenant: next.connection?.tenantUrl ?? "Workfront" }));
              })
            }
          />
        </section>
      )}
    </div>
  );
}
