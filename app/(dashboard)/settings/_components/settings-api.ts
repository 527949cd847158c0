import { fetchJson, postJson } from "@/lib/client/fetch-json";
import type { ConnectionStatusDto, DisconnectResultDto, TestResultDto } from "@/lib/connection/dto";

/** The browser's side of /api/settings/workfront. */
export const statusQueryKey = ["settings", "workfront"] as const;
const URL = "/api/settings/workfront";

export type ConnectBody =
  | { method: "password"; tenant: string; username: string; password: string }
  | { method: "api_key"; tenant: string; apiKey: string }
  | { method: "oauth2"; tenant: string; clientId: string; clientSecret: string; privateKeyPem: string; customerId: string; userId: string };

export const fetchStatus = () => fetchJson<ConnectionStatusDto>(URL, { cache: "no-store" });
export const connect = (body: ConnectBody) => postJson<ConnectionStatusDto>(URL, body);
export const testConnection = () => postJson<{ test: TestResultDto; status: ConnectionStatusDto }>(`${URL}/test`, {});
export const disconnect = () =>
  fetchJson<{ result: DisconnectResultDto; status: ConnectionStatusDto }>(URL, { method: "DELETE" });
