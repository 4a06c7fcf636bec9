import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { orNoAccessAsync } from "@/lib/http-status";
import { outboxFor } from "@/lib/people";

export const metadata: Metadata = { title: "Outbox" };

// Demo mode only: shows the emails the site would have sent, so invitations and sign-in links can
// be followed on a machine with no mail server.
export default async function OutboxPage() {
  const viewer = await requireRole(["trainer", "admin"], "/trainer/outbox");
  const messages = await orNoAccessAsync(async () => await outboxFor(viewer));
  return (
    <>
      <Link href="/trainer" className="back-link">
        Back to your scheme
      </Link>
      <h1>Outbox</h1>
      <p>This demo site has no mail server, so emails are kept here instead of being sent. Newest first.</p>
      <p>Only emails to the demo accounts, and to people invited while the site is in demo mode, are shown here.</p>
      {messages.length === 0 ? <p>No emails yet.</p> : null}
      <ul className="cards">
        {messages.map((m) => (
          <li className="card" key={m.id}>
            <h2>{m.subject}</h2>
            <dl className="summary-list">
              <div>
                <dt>To</dt>
                <dd>{m.toAddress}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{m.createdAt.toLocaleString("en-GB", { timeZone: "Europe/London" })}</dd>
              </div>
            </dl>
            <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>
              {m.body.split(/(https?:\/\/\S+)/).map((part, i) =>
                /^https?:\/\//.test(part) ? (
                  <a key={i} href={part}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </li>
        ))}
      </ul>
    </>
  );
}
