/**
 * The raw HTTP answer to a request Node could not parse, in the JSON error contract (Node's own
 * is a bare status line with no body). The connection is closed after it.
 */
const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "headers_too_large", "The request's headers are larger than 16 KiB."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request_timeout", "The request took too long to arrive."],
};
const BAD_REQUEST: [number, string, string, string] = [400, "Bad Request", "bad_request", "The request is not valid HTTP."];

export function clientErrorResponse(code: string | undefined): string {
  const [status, reason, errorCode, message] = (code && ANSWERS[code]) || BAD_REQUEST;
  const body = JSON.stringify({ error: { code: errorCode, message } });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}
