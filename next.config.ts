import type { NextConfig } from 'next';

const config: NextConfig = {
  // Native addons and Prisma's driver adapters are loaded from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  // Type errors are caught by `npm run typecheck` (part of `npm test`); `npm start` on a fresh
  // clone should not spend time type-checking or fail on another module's work in progress.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
