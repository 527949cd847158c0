import { hostname, networkInterfaces } from "node:os";

/**
 * The hosts this machine can be reached at, for `allowedDevOrigins` (next.config.js): `next dev`
 * serves its scripts and hot reload to localhost only unless told otherwise, so a page opened at
 * http://127.0.0.1:3000 or at the machine's address never hydrated ("Blocked cross-origin request
 * to Next.js dev resource") and nobody could sign in. Link-local IPv6 addresses (fe80::) need a
 * zone and are left out.
 */
export function machineHosts(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
  name: string = hostname(),
): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  if (name) hosts.add(name.toLowerCase());
  for (const entries of Object.values(interfaces)) {
    for (const { address, family } of entries ?? []) {
      if (family === "IPv4") hosts.add(address);
      else if (!address.toLowerCase().startsWith("fe80:")) hosts.add(`[${address}]`);
    }
  }
  return [...hosts];
}
