import createMDX from "@next/mdx";

// Content-Security-Policy. Next.js inlines small scripts for React Server Components, so scripts
// need 'unsafe-inline' unless every page used a nonce, and nonces would make every page dynamic
// (lesson pages are static on purpose). Everything else is locked to this site.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build can sit beside the usual one (e.g. while tests use .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: ["ts", "tsx", "mdx"],
  poweredByHeader: false,
  // Native and file-reading packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // HSTS only when the request reached us over HTTPS (behind a proxy that says so).
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

const withMDX = createMDX({});

export default withMDX(nextConfig);
