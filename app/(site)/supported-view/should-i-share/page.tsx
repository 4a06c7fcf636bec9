// In a supported session, proxy.ts serves the static page of the same path through this per-request
// twin (lib/support/hint.ts: supportedTwin), so that the (site) layout puts the supported-session
// banner on it. The page itself is the static one, unchanged; nothing here reads more than it does.
export const dynamic = "force-dynamic";
export { default, metadata } from "@/app/(public)/should-i-share/page";
