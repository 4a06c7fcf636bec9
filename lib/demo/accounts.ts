// Demo mode: the example accounts `npm run demo` seeds, and the warning printed when the site
// starts in demo mode. No server imports: the seed script, the outbox and the start-up hook read it.
import type { Role } from "@/db/schema";

export const DEMO_SCHEME = "Demo Shared Lives scheme";
export const RIVERSIDE_SCHEME = "Riverside Shared Lives (demo)";
export const DEMO_PASSWORD = "shared-lives-demo";

/**
 * Every address the demo invents ends in this domain. `.example` is reserved (RFC 2606), so no
 * real person can have one: the demo outbox shows mail to these addresses and to people invited
 * while in demo mode, and nothing else.
 */
export const DEMO_EMAIL_DOMAIN = "demo.example";

export const DEMO_ACCOUNTS: readonly { name: string; email: string; role: Role; scheme: string | null }[] = [
  { name: "Tara Trainer (demo)", email: "trainer@demo.example", role: "trainer", scheme: DEMO_SCHEME },
  { name: "Sam Staff (demo)", email: "staff@demo.example", role: "staff", scheme: DEMO_SCHEME },
  { name: "Cara Carer (demo)", email: "carer@demo.example", role: "carer", scheme: DEMO_SCHEME },
  { name: "Ada Admin (demo)", email: "admin@demo.example", role: "admin", scheme: null },
  { name: "Rhys Rivers (demo)", email: "riverside-trainer@demo.example", role: "trainer", scheme: RIVERSIDE_SCHEME },
];

/**
 * Printed at start in demo mode. Loud because demo mode shows trainers an outbox of sign-in and
 * invitation links and seeds accounts with a published password: it must never be on by mistake.
 */
export function demoWarning(): string {
  const line = "!".repeat(72);
  return [
    line,
    "!!  DEMO MODE (DEMO_MODE=true): NOT FOR REAL PEOPLE OR A PUBLIC ADDRESS",
    "!!  - demo accounts with a published password can sign in",
    "!!  - no email is sent: trainers read invitations and sign-in links in the outbox",
    "!!  Unset DEMO_MODE for a real site (README.md, \"Running it for real\").",
    line,
  ].join("\n");
}
