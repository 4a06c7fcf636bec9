import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { schemeOverview } from "@/lib/people";
import { ActiveToggle } from "./active-toggle";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Your scheme" };

const roleLabel = { carer: "Carer", staff: "Staff", trainer: "Trainer", admin: "Admin" } as const;

export default async function TrainerPage() {
  const viewer = await requireRole(["trainer", "admin"], "/trainer");
  if (viewer.schemeId === null) {
    return (
      <>
        <h1>Trainer pages</h1>
        <p>
          You are an admin without a scheme of your own. Choose a scheme on the <Link href="/admin">admin page</Link>.
        </p>
      </>
    );
  }
  const { scheme, people, invitations } = schemeOverview(viewer, viewer.schemeId);
  return (
    <>
      <span className="caption">{scheme.name}</span>
      <h1>Your scheme</h1>
      {env().demoMode ? (
        <p>
          <Link href="/trainer/outbox">Outbox: emails the site has sent (demo)</Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>People in {scheme.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td>{roleLabel[p.role]}</td>
                <td>{p.active ? <span className="tag tag--green">Active</span> : <span className="tag tag--grey">Deactivated</span>}</td>
                <td>{p.id !== viewer.personId ? <ActiveToggle personId={p.id} name={p.name} active={p.active} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invitations.length ? (
        <>
          <h2>Invitations not yet accepted</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} ({roleLabel[i.role]}), runs out {i.expiresAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Invite someone</h2>
      <p>They get an email with a link to set up their account. The link works once, for 14 days.</p>
      <InviteForm />
    </>
  );
}
