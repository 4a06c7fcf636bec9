import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { allSchemes } from "@/lib/people";
import { CreateSchemeForm, InviteTrainerForm } from "./forms";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const viewer = await requireRole(["admin"], "/admin");
  const schemes = allSchemes(viewer);
  return (
    <>
      <h1>Admin</h1>
      {env().demoMode ? (
        <p>
          <Link href="/trainer/outbox">Outbox: emails the site has sent (demo)</Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Schemes on this site</caption>
          <thead>
            <tr>
              <th scope="col">Scheme</th>
              <th scope="col">People</th>
              <th scope="col">Trainers</th>
            </tr>
          </thead>
          <tbody>
            {schemes.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.people}</td>
                <td>{s.trainers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Create a scheme</h2>
      <CreateSchemeForm />
      <h2>Invite a scheme’s trainer</h2>
      <InviteTrainerForm schemes={schemes} />
    </>
  );
}
