/**
 * Which Chromium the end-to-end tests drive, and how to get one where there is none. The decisions
 * are pure functions of what the machine answers (the probes), so that a unit test can walk every
 * branch without a browser, a network or root; scripts/ensure-browser.ts gives them the real
 * machine, and playwright.config.ts uses the same lookup, so both agree on the path.
 */

/** Debian's package puts its launcher here. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export interface LookupProbes {
  /** CHROMIUM_PATH, as set (an empty value counts as unset). */
  chromiumPathEnv: string | undefined;
  /** Whether a file is there and may be run. */
  isExecutable(path: string): boolean;
  /** Where Playwright's own Chromium would be once installed (`chromium.executablePath()`). */
  playwrightChromium(): string | undefined;
}

export type BrowserSource = "CHROMIUM_PATH" | "debian" | "playwright";

export type Lookup =
  | { kind: "found"; path: string; source: BrowserSource }
  /** CHROMIUM_PATH names no browser: the person asked for that one, so nothing else is tried. */
  | { kind: "bad-env"; message: string }
  | { kind: "missing" };

export function lookUpBrowser(probes: LookupProbes): Lookup {
  const wanted = probes.chromiumPathEnv?.trim();
  if (wanted) {
    return probes.isExecutable(wanted)
      ? { kind: "found", path: wanted, source: "CHROMIUM_PATH" }
      : { kind: "bad-env", message: `CHROMIUM_PATH is ${wanted}, which is no executable file: point it at a Chromium, or unset it.` };
  }
  if (probes.isExecutable(DEBIAN_CHROMIUM)) return { kind: "found", path: DEBIAN_CHROMIUM, source: "debian" };
  const own = probes.playwrightChromium();
  if (own && probes.isExecutable(own)) return { kind: "found", path: own, source: "playwright" };
  return { kind: "missing" };
}

export interface InstallProbes {
  /** Whether Playwright's download host answers at all (a short timeout: a closed network fails fast). */
  downloadsReachable: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type InstallPlan =
  /** `playwright install chromium`; as root with `--with-deps`, which fetches its libraries through apt. */
  | { kind: "playwright"; withDeps: boolean }
  /** Debian's `chromium` package: apt-get update once, then a noninteractive install. */
  | { kind: "apt" }
  | { kind: "none"; message: string };

/** One line that names what to install, for a machine where nothing can be installed from here. */
export const NOTHING_TO_INSTALL_WITH =
  "No Chromium for the end-to-end tests, and none can be installed from here: install Debian's chromium (apt-get install chromium), run `npx playwright install chromium`, or set CHROMIUM_PATH.";

export function installPlan(probes: InstallProbes): InstallPlan {
  if (probes.downloadsReachable) return { kind: "playwright", withDeps: probes.isRoot && probes.hasAptGet };
  if (probes.isRoot && probes.hasAptGet) return { kind: "apt" };
  return { kind: "none", message: NOTHING_TO_INSTALL_WITH };
}

/** The commands a plan runs, in order. */
export function installCommands(plan: InstallPlan): { command: string; args: string[]; env?: Record<string, string> }[] {
  switch (plan.kind) {
    case "playwright":
      return [{ command: "npx", args: ["playwright", "install", ...(plan.withDeps ? ["--with-deps"] : []), "chromium"] }];
    case "apt": {
      const env = { DEBIAN_FRONTEND: "noninteractive" };
      return [
        { command: "apt-get", args: ["update", "-qq"], env },
        { command: "apt-get", args: ["install", "-y", "-qq", "chromium"], env },
      ];
    }
    case "none":
      return [];
  }
}

export interface EnsureProbes extends LookupProbes {
  downloadsReachable(): Promise<boolean>;
  isRoot(): boolean;
  hasAptGet(): boolean;
}

export type EnsureResult = { ok: true; path: string; source: BrowserSource; installed: InstallPlan["kind"] | null } | { ok: false; message: string };

/**
 * Finds a browser, or installs one the way the machine allows and looks again. `install` runs a
 * plan's commands and says whether they all succeeded; the network is only asked when nothing is
 * installed.
 */
export async function ensureBrowser(probes: EnsureProbes, install: (plan: InstallPlan) => Promise<boolean>): Promise<EnsureResult> {
  const first = lookUpBrowser(probes);
  if (first.kind === "found") return { ok: true, path: first.path, source: first.source, installed: null };
  if (first.kind === "bad-env") return { ok: false, message: first.message };

  const plan = installPlan({ downloadsReachable: await probes.downloadsReachable(), isRoot: probes.isRoot(), hasAptGet: probes.hasAptGet() });
  if (plan.kind === "none") return { ok: false, message: plan.message };
  const how = plan.kind === "apt" ? "apt-get install chromium" : "npx playwright install chromium";
  if (!(await install(plan))) return { ok: false, message: `Installing Chromium failed (${how}, output above): ${NOTHING_TO_INSTALL_WITH}` };
  const second = lookUpBrowser(probes);
  if (second.kind !== "found") return { ok: false, message: `${how} finished, but no Chromium is where it should be: ${NOTHING_TO_INSTALL_WITH}` };
  return { ok: true, path: second.path, source: second.source, installed: plan.kind };
}
