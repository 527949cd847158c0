import type { networkInterfaces } from "node:os";
import { expect, it } from "vitest";
import { machineHosts } from "./dev-origins";

it("lists loopback, the machine's name and every address but link-local IPv6", () => {
  const entry = (address: string, family: "IPv4" | "IPv6") => ({ address, family, internal: false, netmask: "", mac: "", cidr: null });
  const interfaces = {
    lo: [entry("127.0.0.1", "IPv4"), entry("::1", "IPv6")],
    eth0: [entry("192.168.1.20", "IPv4"), entry("fe80::1", "IPv6"), entry("2001:db8::20", "IPv6")],
  } as unknown as ReturnType<typeof networkInterfaces>;
  expect(machineHosts(interfaces, "Build-Box").sort()).toEqual(
    ["localhost", "127.0.0.1", "[::1]", "build-box", "192.168.1.20", "[2001:db8::20]"].sort(),
  );
});
