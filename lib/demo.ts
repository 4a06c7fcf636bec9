// Demo mode: the example accounts `npm run demo` seeds, and the warning printed when the site
// starts in demo mode. No server imports: the seed script and the start-up hook both read it.
import type { Role } from "@/db/schema";

export const DEMO_SCHEME = "Demo Shared Lives scheme";
export const DEMO_PASSWORD = "shared-lives-demo";
export const DEMO_ACCOUNTS: readonly { name: string; email: string; role: Role }[] = [
  { name: "Tara Trainer (demo)", email: "trainer@demo.example", role: "trainer" },
  { name: "Sam Staff (demo)", email: "staff@demo.example", role: "staff" },
  { name: "Cara Carer (demo)", email: "carer@demo.example", role: "carer" },
  { name: "Ada Admin (demo)", email: "admin@demo.example", role: "admin" },
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
