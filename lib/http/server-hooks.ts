import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { markPeer } from "./client-address";

const holder = globalThis as { __wfOffboardPeerHook?: boolean };

/**
 * Marks every request this process's HTTP servers receive with its socket's address, before Next
 * handles it (client-address.ts says why). Next creates its server before the instrumentation
 * hook runs, so the servers' shared `emit` is wrapped rather than one server's listener; the
 * request's headers object is the one Next reads next. Installed once per process.
 */
export function installPeerHook(trustedHops: number): void {
  if (holder.__wfOffboardPeerHook) return;
  holder.__wfOffboardPeerHook = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        markPeer(request.headers, request.socket?.remoteAddress, trustedHops);
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
}
