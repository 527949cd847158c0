import { accessSync, constants, statSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { EnsureProbes, LookupProbes } from "./find-browser";

/** The real machine's answers to scripts/browser/find-browser.ts's questions. */

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function machineLookupProbes(env: NodeJS.ProcessEnv = process.env): LookupProbes {
  return { chromiumPathEnv: env.CHROMIUM_PATH || undefined, isExecutable, playwrightChromium };
}

/** Any answer from the host counts (even an error page): only a closed network gives none. */
async function downloadsReachable(env: NodeJS.ProcessEnv): Promise<boolean> {
  const host = env.PLAYWRIGHT_DOWNLOAD_HOST || "https://cdn.playwright.dev";
  try {
    await fetch(host, { method: "HEAD", signal: AbortSignal.timeout(3_000) });
    return true;
  } catch {
    return false;
  }
}

export function machineProbes(env: NodeJS.ProcessEnv = process.env): EnsureProbes {
  return {
    ...machineLookupProbes(env),
    downloadsReachable: () => downloadsReachable(env),
    isRoot: () => process.getuid?.() === 0,
    hasAptGet: () => isExecutable("/usr/bin/apt-get"),
  };
}
