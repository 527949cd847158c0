import { describe, expect, it, vi } from "vitest";
import {
  DEBIAN_CHROMIUM,
  type EnsureProbes,
  type InstallPlan,
  NOTHING_TO_INSTALL_WITH,
  ensureBrowser,
  installCommands,
  installPlan,
  lookUpBrowser,
} from "./find-browser";

const PLAYWRIGHT_OWN = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

/** A machine with these executables; everything else about it as given. */
function machine(files: string[], overrides: Partial<EnsureProbes> = {}): EnsureProbes & { files: Set<string> } {
  const present = new Set(files);
  return {
    files: present,
    chromiumPathEnv: undefined,
    isExecutable: (path) => present.has(path),
    playwrightChromium: () => PLAYWRIGHT_OWN,
    downloadsReachable: vi.fn(async () => false),
    isRoot: () => false,
    hasAptGet: () => false,
    ...overrides,
  };
}

describe("lookUpBrowser", () => {
  it("takes CHROMIUM_PATH first, even where Debian's and Playwright's are there", () => {
    const probes = machine(["/opt/chrome/chrome", DEBIAN_CHROMIUM, PLAYWRIGHT_OWN], { chromiumPathEnv: "/opt/chrome/chrome" });
    expect(lookUpBrowser(probes)).toEqual({ kind: "found", path: "/opt/chrome/chrome", source: "CHROMIUM_PATH" });
  });

  it("stops on a CHROMIUM_PATH that names nothing, rather than quietly using another browser", () => {
    const probes = machine([DEBIAN_CHROMIUM], { chromiumPathEnv: "/opt/missing" });
    const lookup = lookUpBrowser(probes);
    expect(lookup.kind).toBe("bad-env");
    expect(lookup.kind === "bad-env" && lookup.message).toContain("CHROMIUM_PATH is /opt/missing");
  });

  it("counts an empty CHROMIUM_PATH as unset", () => {
    expect(lookUpBrowser(machine([DEBIAN_CHROMIUM], { chromiumPathEnv: "  " }))).toEqual({ kind: "found", path: DEBIAN_CHROMIUM, source: "debian" });
  });

  it("takes Debian's Chromium before Playwright's own", () => {
    expect(lookUpBrowser(machine([DEBIAN_CHROMIUM, PLAYWRIGHT_OWN]))).toEqual({ kind: "found", path: DEBIAN_CHROMIUM, source: "debian" });
  });

  it("takes Playwright's own where it is installed and Debian's is not", () => {
    expect(lookUpBrowser(machine([PLAYWRIGHT_OWN]))).toEqual({ kind: "found", path: PLAYWRIGHT_OWN, source: "playwright" });
  });

  it("finds nothing where Playwright's browser is not downloaded, or Playwright cannot say where it would be", () => {
    expect(lookUpBrowser(machine([]))).toEqual({ kind: "missing" });
    expect(lookUpBrowser(machine([], { playwrightChromium: () => undefined }))).toEqual({ kind: "missing" });
  });
});

describe("installPlan", () => {
  it("uses Playwright's installer where its downloads are reachable, with its libraries through apt as root", () => {
    expect(installPlan({ downloadsReachable: true, isRoot: true, hasAptGet: true })).toEqual({ kind: "playwright", withDeps: true });
    expect(installPlan({ downloadsReachable: true, isRoot: false, hasAptGet: true })).toEqual({ kind: "playwright", withDeps: false });
    expect(installPlan({ downloadsReachable: true, isRoot: true, hasAptGet: false })).toEqual({ kind: "playwright", withDeps: false });
  });

  it("uses Debian's package as root where Playwright's downloads are out of reach", () => {
    expect(installPlan({ downloadsReachable: false, isRoot: true, hasAptGet: true })).toEqual({ kind: "apt" });
  });

  it("has nothing to install with for a user who is not root, or a machine without apt-get", () => {
    expect(installPlan({ downloadsReachable: false, isRoot: false, hasAptGet: true })).toEqual({ kind: "none", message: NOTHING_TO_INSTALL_WITH });
    expect(installPlan({ downloadsReachable: false, isRoot: true, hasAptGet: false })).toEqual({ kind: "none", message: NOTHING_TO_INSTALL_WITH });
  });

  it("names what to install in one line", () => {
    expect(NOTHING_TO_INSTALL_WITH).not.toContain("\n");
    expect(NOTHING_TO_INSTALL_WITH).toMatch(/apt-get install chromium/);
  });
});

describe("installCommands", () => {
  it("updates apt's lists once, then installs chromium without questions", () => {
    expect(installCommands({ kind: "apt" })).toEqual([
      { command: "apt-get", args: ["update", "-qq"], env: { DEBIAN_FRONTEND: "noninteractive" } },
      { command: "apt-get", args: ["install", "-y", "-qq", "chromium"], env: { DEBIAN_FRONTEND: "noninteractive" } },
    ]);
  });

  it("runs Playwright's installer for Chromium, with --with-deps only when asked", () => {
    expect(installCommands({ kind: "playwright", withDeps: true })).toEqual([{ command: "npx", args: ["playwright", "install", "--with-deps", "chromium"] }]);
    expect(installCommands({ kind: "playwright", withDeps: false })).toEqual([{ command: "npx", args: ["playwright", "install", "chromium"] }]);
    expect(installCommands({ kind: "none", message: "x" })).toEqual([]);
  });
});

describe("ensureBrowser", () => {
  it("uses an installed browser without asking the network or installing anything", async () => {
    const probes = machine([DEBIAN_CHROMIUM]);
    const install = vi.fn(async () => true);
    expect(await ensureBrowser(probes, install)).toEqual({ ok: true, path: DEBIAN_CHROMIUM, source: "debian", installed: null });
    expect(probes.downloadsReachable).not.toHaveBeenCalled();
    expect(install).not.toHaveBeenCalled();
  });

  it("stops on a bad CHROMIUM_PATH without installing", async () => {
    const install = vi.fn(async () => true);
    const result = await ensureBrowser(machine([], { chromiumPathEnv: "/nope", isRoot: () => true, hasAptGet: () => true }), install);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("CHROMIUM_PATH is /nope") });
    expect(install).not.toHaveBeenCalled();
  });

  it("as root with only Debian's packages reachable, installs chromium through apt and then uses it", async () => {
    const probes = machine([], { isRoot: () => true, hasAptGet: () => true });
    const plans: InstallPlan[] = [];
    const result = await ensureBrowser(probes, async (plan) => {
      plans.push(plan);
      probes.files.add(DEBIAN_CHROMIUM);
      return true;
    });
    expect(plans).toEqual([{ kind: "apt" }]);
    expect(result).toEqual({ ok: true, path: DEBIAN_CHROMIUM, source: "debian", installed: "apt" });
  });

  it("where Playwright's downloads are reachable, uses its installer and then its browser", async () => {
    const probes = machine([], { downloadsReachable: vi.fn(async () => true) });
    const result = await ensureBrowser(probes, async (plan) => {
      expect(plan).toEqual({ kind: "playwright", withDeps: false });
      probes.files.add(PLAYWRIGHT_OWN);
      return true;
    });
    expect(result).toEqual({ ok: true, path: PLAYWRIGHT_OWN, source: "playwright", installed: "playwright" });
  });

  it("stops at once with the one line where nothing can be installed", async () => {
    const install = vi.fn(async () => true);
    expect(await ensureBrowser(machine([]), install)).toEqual({ ok: false, message: NOTHING_TO_INSTALL_WITH });
    expect(install).not.toHaveBeenCalled();
  });

  it("says so when the installer fails, or leaves no browser behind", async () => {
    const root = () => machine([], { isRoot: () => true, hasAptGet: () => true });
    const failed = await ensureBrowser(root(), async () => false);
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/^Installing Chromium failed \(apt-get install chromium/) });
    const nothing = await ensureBrowser(root(), async () => true);
    expect(nothing).toMatchObject({ ok: false, message: expect.stringMatching(/^apt-get install chromium finished, but no Chromium/) });
  });
});
