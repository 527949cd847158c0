import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { markPeer } from "./client-address";
import { clientErrorResponse } from "./client-error";

const holder = globalThis as { __wfOffboardServerHooks?: boolean };

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Two things Next leaves to Node, done on the HTTP server itself, before Next sees a request:
 * - every request is marked with its socket's address (client-address.ts says why);
 * - a request Node cannot parse (headers over its 16 KiB limit: 431; other malformed ones: 400)
 *   is answered in the JSON error contract rather than with Node's bare status line.
 * Next creates its server before the instrumentation hook runs, so the servers' shared `emit`
 * is wrapped rather than one server's listeners. Installed once per process.
 */
export function installServerHooks(trustedHops: number): void {
  if (holder.__wfOffboardServerHooks) return;
  holder.__wfOffboardServerHooks = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as Emit;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        markPeer(request.headers, request.socket?.remoteAddress, trustedHops);
      }
      // Returning true tells Node the error was handled, so it writes nothing of its own.
      if (event === "clientError" && (this as http.Server).listenerCount("clientError") === 0) {
        const [error, socket] = args as [NodeJS.ErrnoException, Duplex];
        if (socket.writable) socket.end(clientErrorResponse(error.code), () => socket.destroy());
        else socket.destroy();
        return true;
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
}
