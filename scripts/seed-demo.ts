// Demo data for a fresh machine: one scheme with a trainer, a staff member and a carer, plus an
// admin. Run only by the demo command (DEMO_MODE); never part of a real start. Safe to run again.
import { openConfiguredDatabase } from "@/lib/database";
import { writeTransaction } from "@/db/client";
import { findPersonByEmail, findSchemeByName, insertPerson, insertScheme } from "@/db/queries/people";
import { appendAudit } from "@/db/queries/audit";
import type { Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hashing";

export const DEMO_SCHEME = "Demo Shared Lives scheme";
export const DEMO_PASSWORD = "shared-lives-demo";
export const DEMO_ACCOUNTS: { name: string; email: string; role: Role }[] = [
  { name: "Tara Trainer (demo)", email: "trainer@demo.example", role: "trainer" },
  { name: "Sam Staff (demo)", email: "staff@demo.example", role: "staff" },
  { name: "Cara Carer (demo)", email: "carer@demo.example", role: "carer" },
  { name: "Ada Admin (demo)", email: "admin@demo.example", role: "admin" },
];

export async function seedDemo(): Promise<void> {
  openConfiguredDatabase();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await writeTransaction(async (tx) => {
    const scheme = await findSchemeByName(DEMO_SCHEME, tx) ?? await insertScheme(DEMO_SCHEME, tx);
    for (const account of DEMO_ACCOUNTS) {
      if (await findPersonByEmail(account.email, tx)) continue;
      const person = await insertPerson({ ...account, schemeId: account.role === "admin" ? null : scheme.id, passwordHash }, tx);
      await appendAudit({ at: new Date(), actorId: null, schemeId: person.schemeId, subjectPersonId: person.id, action: "seeded-demo-account" }, tx);
    }
  });
}

export function printDemoAccounts(url: string): void {
  const line = "=".repeat(72);
  console.log(`\n${line}\n  DEMO MODE: example accounts for trying the site. Not real people.\n${line}`);
  console.log(`  Site: ${url}\n  Password for every demo account: ${DEMO_PASSWORD}\n`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(8)} ${a.email}`);
  console.log(`\n  Emails (invitations, sign-in links) appear in the outbox: ${url}/trainer/outbox`);
  console.log(`${line}\n`);
}

if (process.argv[1]?.endsWith("seed-demo.ts")) {
  seedDemo()
    .then(() => printDemoAccounts(process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
