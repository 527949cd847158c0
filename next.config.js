// @ts-check
// next.config.js is CommonJS (the package is not "type": "module"), so require() is the way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

// The dashboard's languages: lib/i18n (no locale in the URL; see lib/i18n/request-locale.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Plain Node modules, not bundled: pino's worker threads, and PGlite's WASM and data files.
  serverExternalPackages: ["pino", "@electric-sql/pglite"],
  typedRoutes: false,
  // `npm run typecheck` checks the whole project (npm test runs it before the build); checking
  // again inside `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
};

module.exports = withNextIntl(nextConfig);
