/**
 * Browser-side fetch for our own JSON API. A non-2xx answer becomes a `RequestError` carrying the
 * server's `{ error: { code, message } }`, so components can branch on the code.
 */
export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole `error` object, for the few codes that carry more (the import's CSV header). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A JSON POST to our API (mutations take JSON only). */
export function postJson<T>(input: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return fetchJson<T>(input, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new RequestError(
      response.status,
      typeof error?.code === "string" ? error.code : "http_error",
      typeof error?.message === "string" ? error.message : `The server answered HTTP ${response.status}.`,
      error && typeof error === "object" ? (error as Record<string, unknown>) : {},
    );
  }
  return body as T;
}
