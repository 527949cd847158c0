import { generateKeyPairSync } from "node:crypto";
import type { OAuth2App } from "./oauth2";

/** RSA keys for OAuth2 unit tests: 1024 bits is plenty for checking a signature and quick to make. */
const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });

export const rsaPublicKey = rsa.publicKey;
export const rsaPkcs8Pem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
export const rsaPkcs1Pem = rsa.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
export const ecPkcs8Pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

export const testApp: OAuth2App = {
  url: "https://acme.my.workfront.com/setup/home",
  clientId: "client-id-0001",
  clientSecret: "client-secret-0001",
  privateKeyPem: rsaPkcs8Pem,
  customerId: "customer-42",
  userId: "user-7",
};

export interface SentRequest {
  url: string;
  method?: string;
  headers: Record<string, string>;
  form: Record<string, string>;
  body: string;
  redirect?: RequestRedirect;
  hasSignal: boolean;
}

/**
 * A fetch that records each request and answers from `answer` (a status and a body text, or an
 * error to throw). `answer` sees the request, so an answer can echo what was sent.
 */
export function fakeTokenFetch(answer: (request: SentRequest) => { status: number; body: string } | Error) {
  const sent: SentRequest[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = String(init?.body ?? "");
    const request: SentRequest = {
      url: String(input),
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) },
      form: Object.fromEntries(new URLSearchParams(body)),
      body,
      redirect: init?.redirect,
      hasSignal: init?.signal instanceof AbortSignal,
    };
    sent.push(request);
    const result = answer(request);
    if (result instanceof Error) throw result;
    return new Response(result.body, { status: result.status });
  }) as typeof fetch;
  return { fetch: fetcher, sent };
}

export const json = (status: number, body: unknown) => () => ({ status, body: JSON.stringify(body) });
