"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/client/fetch-json";
import { userKeys } from "@/lib/client/users-api";
import type { UserListPage } from "@/lib/offboarding/user-dto";
import { TimeAgo } from "./when";

/**
 * How fresh the list is: read from the local index ("updated 3 minutes ago"), or straight from
 * Workfront while the index of a newly connected tenant is still being read. Refresh asks
 * Workfront now who changed, then shows the list again.
 */
export function IndexFreshness({ list }: { list: Pick<UserListPage, "source" | "refreshedAt"> | undefined }) {
  const t = useTranslations("users.index");
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => postJson<{ refreshedAt: string | null }>("/api/users/index/refresh", {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  if (!list) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground" data-testid="index-freshness">
      <p>
        {list.source === "index" && list.refreshedAt
          ? t.rich("updated", { when: () => <TimeAgo iso={list.refreshedAt!} /> })
          : t("building")}
      </p>
      <Button type="button" variant="ghost" size="sm" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
        <RefreshCw aria-hidden className={refresh.isPending ? "size-4 animate-spin" : "size-4"} />
        {refresh.isPending ? t("refreshing") : t("refresh")}
      </Button>
      {refresh.error ? (
        <div role="alert" className="w-full text-destructive">
          <ErrorMessage error={refresh.error} />
        </div>
      ) : null}
    </div>
  );
}
