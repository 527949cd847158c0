// @ts-check

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

module.exports = nextConfig;
