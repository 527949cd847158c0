import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { WfError } from "../core/errors";
import { Params } from "../query/params";

export type Verb = "GET" | "PUT" | "POST" | "DELETE";
const VERBS = new Set<string>(["GET", "PUT", "POST", "DELETE"]);
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** One API call after verb tunnelling and body decoding; batch sub-requests have the same shape. */
export interface ApiRequest {
  /** The effective verb: `method=` in the query or form body wins over the HTTP verb. */
  method: Verb;
  pathname: string;
  /** Query parameters, then form-body parameters. */
  params: Params;
  /** A JSON body: for PUT/POST it is the updates object or array. */
  json: unknown;
  headers: IncomingHttpHeaders;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new WfError("invalidParameter", "Request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Decodes the body by content type; a body without one is read as JSON if it looks like JSON. */
export function decodeBody(headers: IncomingHttpHeaders, body: Buffer): { form: Params; json: unknown } {
  const text = body.toString("utf8");
  const type = (headers["content-type"] ?? "").toLowerCase();
  const looksJson = /^\s*[[{]/.test(text);
  if (text.trim() === "" || type.startsWith("multipart/")) return { form: new Params([]), json: undefined };
  if (type.includes("json") || (type === "" && looksJson)) {
    try {
      return { form: new Params([]), json: JSON.parse(text) };
    } catch (error) {
      throw new WfError("json", `Invalid JSON body: ${(error as Error).message}`);
    }
  }
  return { form: Params.fromSearch(text), json: undefined };
}

/** `method=put` (any case) in the query or the form overrides the HTTP verb (api-basics.md). */
export function effectiveVerb(httpMethod: string, params: Params): Verb {
  const tunnelled = params.get("method");
  const verb = (tunnelled ?? httpMethod).toUpperCase();
  if (!VERBS.has(verb)) {
    throw new WfError(
      "invalidParameter",
      `Unsupported method ${tunnelled ?? httpMethod}`,
      tunnelled ? 400 : 405,
    );
  }
  return verb as Verb;
}

/**
 * One call from the HTTP request. A form body on an HTTP PUT is not read unless
 * `readPutFormBodies` is on: Workfront is reported to ignore it (workfront-api issues #80 and #100),
 * which is why the official client sends actions as POST with `method=PUT` in the form instead.
 * Query parameters and JSON bodies on PUT are read (the official `edit`/`editMultiple` send JSON).
 */
export function buildApiRequest(
  httpMethod: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
  options: { readPutFormBodies: boolean } = { readPutFormBodies: false },
): ApiRequest {
  const { form, json } = decodeBody(headers, body);
  const ignoreForm = httpMethod.toUpperCase() === "PUT" && !options.readPutFormBodies;
  const params = ignoreForm ? Params.fromSearch(url.search) : Params.fromSearch(url.search).concat(form);
  return { method: effectiveVerb(httpMethod, params), pathname: url.pathname, params, json, headers };
}
