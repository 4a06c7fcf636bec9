// Creates a scheme (if it does not exist) and invites its first trainer, printing the link.
// Usage: npm run create-trainer -- --scheme "Hampshire Shared Lives" --name "Jo Bloggs" --email jo@example.org
import { parseArgs } from "node:util";
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { findSchemeByName, insertScheme } from "@/db/queries/people";
import { appendAudit } from "@/db/queries/audit";
import { invite } from "@/lib/invitations";
import { emailField, nameField } from "@/lib/validation";

async function main() {
  const { values } = parseArgs({ options: { scheme: { type: "string" }, name: { type: "string" }, email: { type: "string" } } });
  const scheme = nameField.safeParse(values.scheme ?? "");
  const name = nameField.safeParse(values.name ?? "");
  const email = emailField.safeParse(values.email ?? "");
  if (!scheme.success || !name.success || !email.success) {
    console.error('Usage: npm run create-trainer -- --scheme "Scheme name" --name "Trainer name" --email trainer@example.org');
    process.exit(2);
  }
  await openConfiguredDatabase();
  let found = await findSchemeByName(scheme.data);
  if (!found) {
    found = await insertScheme(scheme.data);
    await appendAudit({ at: new Date(), actorId: null, schemeId: found.id, action: "created-scheme", details: { name: scheme.data, by: "command line" } });
    console.log(`Created scheme "${scheme.data}".`);
  }
  const result = await invite(null, { email: email.data, name: name.data, role: "trainer", schemeId: found.id });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(`Invited ${email.data} as a trainer of "${scheme.data}". The invitation was emailed (or put in the outbox).`);
  console.log(`Their one-time link (14 days): ${result.link}`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
  console.error(error);
  process.exit(1);
});
