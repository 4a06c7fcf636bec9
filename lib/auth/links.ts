import "server-only";
// Emailed sign-in links for people who find passwords hard: one use, 15 minutes.
import { findPersonByEmail } from "@/db/queries/people";
import { countRecentLinks, insertSignInLink } from "@/db/queries/auth";
import { now } from "../clock";
import { env } from "../env";
import { sendMail } from "../mail";
import { newToken } from "./tokens";

export const LINK_MINUTES = 15;
const MAX_LINKS_PER_HOUR = 5;

export async function requestSignInLink(email: string, returnTo: string | null): Promise<void> {
  const person = await findPersonByEmail(email);
  if (!person || !person.active) return;
  const at = now();
  if (await countRecentLinks(person.id, new Date(at.getTime() - 3600_000)) >= MAX_LINKS_PER_HOUR) return;
  const { token, tokenHash } = newToken();
  await insertSignInLink({ tokenHash, personId: person.id, createdAt: at, expiresAt: new Date(at.getTime() + LINK_MINUTES * 60_000) });
  const next = returnTo ? `&next=${encodeURIComponent(returnTo)}` : "";
  const link = `${env().siteUrl}/sign-in/link?token=${token}${next}`;
  await sendMail({
    to: person.email,
    subject: "Your sign-in link for Shared Lives training",
    body: [
      `Hello ${person.name},`,
      "",
      "Use this link to sign in to Shared Lives training:",
      link,
      "",
      `The link works once, for ${LINK_MINUTES} minutes. If you did not ask for it, you can ignore this email.`,
    ].join("\n"),
    kind: "sign-in-link",
    schemeId: person.schemeId,
    personId: person.id,
  });
}
