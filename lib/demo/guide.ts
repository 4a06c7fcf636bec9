import "server-only";
// What to try in demo mode, as each demo account: printed when the demo starts and shown on the
// home page. Demo mode only; a real site has none of these accounts.
import { latestLiveCertificate } from "@/db/queries/certificates";
import { findPersonByEmail } from "@/db/queries/people";

export { DEMO_PASSWORD } from "./accounts";

/** The invented carer whose certificate code the guide offers to check. */
export const CERTIFICATE_HOLDER_EMAIL = "grace.hughes@demo.example";

export type DemoTry = { role: string; email: string; what: string };

export const DEMO_GUIDE: readonly DemoTry[] = [
  { role: "carer", email: "carer@demo.example", what: "Take the course from the start: three modules, each with a quiz, and your scheme's own contacts where it says to ask." },
  { role: "carer", email: "refresher@demo.example", what: "Your refresher is due: try it, with scenarios you have not seen." },
  { role: "trainer", email: "trainer@demo.example", what: "Who is overdue (Matrix), wrong answers (Analytics), reminders (Outbox), the scheme's contacts in the course." },
  { role: "trainer", email: "riverside-trainer@demo.example", what: "A second scheme: you see only its own five people." },
  { role: "staff", email: "staff@demo.example", what: "Do the training as a staff member." },
  { role: "admin", email: "admin@demo.example", what: "See both schemes; ask holders of an old course version to retrain." },
];

/** A real, valid certificate code from the demo, to check on the public page; null before seeding. */
export async function demoCertificateCode(): Promise<string | null> {
  const person = await findPersonByEmail(CERTIFICATE_HOLDER_EMAIL);
  if (!person) return null;
  const certificate = await latestLiveCertificate(person.id);
  return certificate?.code ?? null;
}
