// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Plain Node modules, not bundled: pino's worker threads, and PGlite's WASM and data files.
  serverExternalPackages: ["pino", "@electric-sql/pglite"],
  typedRoutes: false,
};

module.exports = nextConfig;
