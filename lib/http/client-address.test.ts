import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientAddressFrom, markPeer, peerAddress } from "./client-address";

/** A request as Next would hand it on: marked by the hook, then turned into web Headers. */
function arriving(raw: IncomingHttpHeaders, socketAddress: string, trustedHops: number): Headers {
  const headers = { ...raw };
  markPeer(headers, socketAddress, trustedHops);
  return new Headers(headers as Record<string, string>);
}

const spoofed = {
  "x-forwarded-for": "203.0.113.9",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  forwarded: "for=203.0.113.9",
  "x-real-ip": "203.0.113.9",
};

describe("with no trusted proxy", () => {
  it("the socket's address is the client's, whatever the client claims", () => {
    expect(clientAddressFrom(arriving(spoofed, "192.0.2.10", 0), 0)).toBe("192.0.2.10");
  });

  it("drops every forwarding header the client sent, so Next fills in its own", () => {
    const headers: IncomingHttpHeaders = { ...spoofed, host: "app.example" };
    markPeer(headers, "192.0.2.10", 0);
    expect(Object.keys(headers).sort()).toEqual(["host", PEER_HEADER]);
  });

  it("an IPv4 client on a dual-stack socket is recorded as IPv4", () => {
    expect(clientAddressFrom(arriving({}, "::ffff:192.0.2.10", 0), 0)).toBe("192.0.2.10");
  });
});

describe("with trusted proxies", () => {
  it("one hop: exactly the last X-Forwarded-For entry, which the proxy appended", () => {
    const headers = arriving({ "x-forwarded-for": "198.51.100.1, 203.0.113.5" }, "10.0.0.2", 1);
    expect(clientAddressFrom(headers, 1)).toBe("203.0.113.5");
  });

  it("two hops: the second from the right; the client's own entries further left are ignored", () => {
    const headers = arriving({ "x-forwarded-for": "1.1.1.1, 203.0.113.5, 10.0.0.1" }, "10.0.0.2", 2);
    expect(clientAddressFrom(headers, 2)).toBe("203.0.113.5");
  });

  it("unknown when the chain is shorter than the proxies configured, or not an address", () => {
    expect(clientAddressFrom(arriving({}, "10.0.0.2", 1), 1)).toBeNull();
    expect(clientAddressFrom(arriving({ "x-forwarded-for": "10.0.0.1" }, "10.0.0.2", 2), 2)).toBeNull();
    expect(clientAddressFrom(arriving({ "x-forwarded-for": "evil" }, "10.0.0.2", 1), 1)).toBeNull();
  });

  it("keeps the proxy's forwarding headers", () => {
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "203.0.113.5", "x-forwarded-proto": "https" };
    markPeer(headers, "10.0.0.2", 1);
    expect(headers).toMatchObject({ "x-forwarded-for": "203.0.113.5", "x-forwarded-proto": "https" });
  });
});

describe("the peer mark", () => {
  it("cannot be forged: a client's value is replaced, and an unmarked request has no address", () => {
    const forged = new Headers({ [PEER_HEADER]: "0000 203.0.113.9" });
    expect(peerAddress(forged)).toBeNull();
    expect(clientAddressFrom(forged, 0)).toBeNull();
    expect(peerAddress(arriving({ [PEER_HEADER]: "0000 203.0.113.9" }, "192.0.2.10", 0))).toBe("192.0.2.10");
  });
});
