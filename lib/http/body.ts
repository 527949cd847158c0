/**
 * Reads a request body up to a limit and no further. Stopping is the point: a chunked body has no
 * Content-Length to refuse up front, and reading it whole first (`request.text()`) let one 300 MB
 * request take the server from 104 MB to 1 GB. Past the limit the rest is left unread: Node stops
 * taking it off the socket (backpressure), the 413 goes out, and the connection is closed once it
 * idles. The stream is not cancelled: that would destroy the socket before the answer is written.
 */
export async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | "too_large"> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, size);
      size += value.byteLength;
      if (size > maxBytes) return "too_large";
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}
