import "server-only";

/** Connecting Workfront from the Settings page: see docs/connect-workfront.md. */
export { appConnection, resolverFor } from "./app-connection";
export { type ConnectionActor } from "./actor";
export { connectWorkfront } from "./connect";
export { type ConnectInput, connectInputSchema } from "./connect-input";
export { disconnectWorkfront } from "./disconnect";
export type * from "./dto";
export { keyringFromEnv } from "./keys";
export { type ActiveConnection, ConnectionResolver } from "./resolver";
export { connectionStatus } from "./status";
export { testConnection } from "./test-connection";
