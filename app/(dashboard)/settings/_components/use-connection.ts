"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ConnectionStatusDto } from "@/lib/connection/dto";
import { type ConnectBody, connect, disconnect, fetchStatus, statusQueryKey, testConnection } from "./settings-api";

/**
 * The connection's status and the three things an admin can do with it. Each answer carries the
 * new status, which replaces the cached one; the router refresh re-renders the layout's banner.
 */
export function useConnection(initialStatus: ConnectionStatusDto) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const status = useQuery({ queryKey: statusQueryKey, queryFn: fetchStatus, initialData: initialStatus, staleTime: 5_000 });
  const settle = (next: ConnectionStatusDto) => {
    queryClient.setQueryData(statusQueryKey, next);
    router.refresh();
  };
  const testMutation = useMutation({ mutationFn: testConnection, onSuccess: (answer) => settle(answer.status) });
  // A new connection (or none) makes the last test's answer stale: "refused" under "Connected" misleads.
  const connectMutation = useMutation({
    mutationFn: (body: ConnectBody) => connect(body),
    onSuccess: (next) => {
      testMutation.reset();
      settle(next);
    },
  });
  const disconnectMutation = useMutation({
    mutationFn: disconnect,
    onSuccess: (answer) => {
      testMutation.reset();
      settle(answer.status);
    },
  });
  return { status: status.data, connect: connectMutation, test: testMutation, disconnect: disconnectMutation };
}
