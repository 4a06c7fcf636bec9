// In a supported session, proxy.ts serves a scheme's cached copy of a lesson through this per-request
// twin (lib/support/hint.ts: supportedTwin), so that the (site) layout puts the supported-session
// banner on it. The page itself is the scheme's copy, unchanged (it checks the signed segment again).
export const dynamic = "force-dynamic";
export { default, generateMetadata } from "@/app/(local)/modules/[module]/[page]/scheme/[scheme]/page";
