// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pino and its worker threads must stay plain Node modules, not bundled.
  serverExternalPackages: ["pino"],
  typedRoutes: false,
};

module.exports = nextConfig;
