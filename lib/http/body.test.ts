import { describe, expect, it } from "vitest";
import { readBounded } from "./body";

/** An endless body of 64 KiB chunks that counts how many were taken from it. */
function endless() {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe("readBounded", () => {
  it("stops taking chunks once past the limit, and leaves the stream uncancelled", async () => {
    const body = endless();
    expect(await readBounded(body.stream, 1024 * 1024)).toBe("too_large");
    expect(body.pulled()).toBe(17);
    // Not cancelled, so the server can still answer on the connection; and not locked.
    expect(body.stream.locked).toBe(false);
  });

  it("reads a body within the limit whole", async () => {
    const text = "x".repeat(100_000);
    const stream = new Response(text).body;
    expect((await readBounded(stream, 100_000)) as Buffer).toEqual(Buffer.from(text));
    expect(await readBounded(new Response(text).body, 99_999)).toBe("too_large");
    expect(await readBounded(null, 10)).toEqual(Buffer.alloc(0));
  });
});
