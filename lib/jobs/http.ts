import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { clientAddress, requestId } from "@/lib/http/request";
import type { JobActor } from "./events";

/** The signed-in account as a job's actor, with the request it came in on. */
export function jobActor(user: SessionUser, request: Request): JobActor {
  return {
    accountId: user.id,
    email: user.email,
    role: user.role,
    tokenId: user.token?.id ?? null,
    requestId: requestId(),
    clientIp: clientAddress(request.headers),
  };
}
