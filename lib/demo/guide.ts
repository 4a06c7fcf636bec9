import "server-only";
// What to try in demo mode, as each demo account: printed when the demo starts and shown on the
// home page. Demo mode only; a real site has none of these accounts.
import { latestLiveCertificate } from "@/db/queries/certificates";
import { findPersonByEmail } from "@/db/queries/people";

export const DEMO_PASSWORD = "shared-lives-demo";

/** The invented carer whose certificate code the guide offers to check. */
export const CERTIFICATE_HOLDER_EMAIL = "grace.hughes@demo.example";

export type DemoTry = { role: string; email: string; what: string };

export const DEMO_GUIDE: readonly DemoTry[] = [
  { role: "carer", email: "carer@demo.example", what: "Take the course from the start: three short modules, each ending in a scenario quiz." },
  { role: "carer", email: "refresher@demo.example", what: "Your yearly refresher is due: do it with new scenarios and get a certificate that runs on from the old one." },
  { role: "trainer", email: "trainer@demo.example", what: "See who is overdue in the training matrix, which scenarios people get wrong in decision analytics, and the reminders sent in the outbox." },
  { role: "trainer", email: "riverside-trainer@demo.example", what: "A second scheme: you see only its five people, never the demo scheme's." },
  { role: "staff", email: "staff@demo.example", what: "Do the training as a staff member." },
  { role: "admin", email: "admin@demo.example", what: "See both schemes, and mark a course version as needing retraining." },
];

/** A real, valid certificate code from the demo, to check on the public page; null before seeding. */
export async function demoCertificateCode(): Promise<string | null> {
  const person = await findPersonByEmail(CERTIFICATE_HOLDER_EMAIL);
  if (!person) return null;
  const certificate = await latestLiveCertificate(person.id);
  return certificate?.code ?? null;
}
