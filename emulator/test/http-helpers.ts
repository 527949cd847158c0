import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../index";

/** Integration-test helpers: raw HTTP with fetch, no client library in between. */
export const V21 = "/attask/api/v21.0";

export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, users: 300, ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary JSON; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Sends a request; by default with the integration user's key in an `apiKey` header. */
export async function call(
  emulator: RunningEmulator,
  path: string,
  init: RequestInit & { key?: string | null } = {},
): Promise<Answer> {
  const { key, ...rest } = init;
  const headers = new Headers(rest.headers);
  const apiKey = key === undefined ? emulator.apiKey : key;
  if (apiKey !== null && !headers.has("apiKey")) headers.set("apiKey", apiKey);
  const response = await fetch(`${emulator.url}${path}`, { ...rest, headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function control<T = unknown>(
  emulator: RunningEmulator,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ListedUser {
  ID: string;
  name: string;
  username: string;
  isActive: boolean;
  accessLevelID: string;
}

/** Active (or inactive) users who are not administrators, found through the API itself. */
export async function ordinaryUsers(
  emulator: RunningEmulator,
  count: number,
  isActive = true,
): Promise<ListedUser[]> {
  const search = `isActive=${isActive}&accessLevel:isAdmin=false&ID_Sort=asc&$$LIMIT=${count}&fields=username,isActive,accessLevelID`;
  const answer = await call(emulator, `${V21}/user/search?${search}`);
  if (answer.status !== 200 || answer.body.data.length < count)
    throw new Error(`not enough users: ${answer.text}`);
  return answer.body.data as ListedUser[];
}

export const form = (entries: Record<string, string> | [string, string][]): RequestInit => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(entries).toString(),
});
