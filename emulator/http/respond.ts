import type { ServerResponse } from "node:http";

/** Workfront answers `application/json;charset=UTF-8`. */
const JSON_TYPE = "application/json;charset=UTF-8";

function writable(res: ServerResponse): boolean {
  // A client may have gone away during the latency sleep; writing then would throw.
  return !res.destroyed && !res.writableEnded && !res.headersSent;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (!writable(res)) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A 200 whose JSON is cut in half: any proper prefix of a JSON object is invalid JSON. */
export function sendTruncatedJson(res: ServerResponse, body: unknown): void {
  if (!writable(res)) return;
  const bytes = Buffer.from(JSON.stringify(body));
  const cut = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
  res.writeHead(200, { "content-type": JSON_TYPE, "content-length": cut.length });
  res.end(cut);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (!writable(res)) return;
  res.writeHead(status, { "content-type": "text/html", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

/** What an Akamai edge answers when the origin fails: HTML, not the API's JSON. */
export function cdnErrorPage(reference: string): string {
  return (
    "<HTML><HEAD>\n<TITLE>Bad Gateway</TITLE>\n</HEAD><BODY>\n<H1>Bad Gateway</H1>\n" +
    "The proxy server received an invalid response from an upstream server.<P>\n" +
    `Reference&#32;&#35;${reference}\n</BODY></HTML>\n`
  );
}

/** The CDN's answer to a request line over its 8892-byte cap (api-basics.md limits). */
export function uriTooLongPage(bytes: number): string {
  return (
    "<HTML><HEAD>\n<TITLE>Request-URI Too Long</TITLE>\n</HEAD><BODY>\n<H1>Request-URI Too Long</H1>\n" +
    `The requested URL's length (${bytes} bytes) exceeds the capacity limit of 8892 bytes for this server.<P>\n` +
    "</BODY></HTML>\n"
  );
}
