import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { allSchemes } from "@/lib/people";
import { contentVersionsForAdmin } from "@/lib/content-versions";
import { CreateSchemeForm, InviteTrainerForm, RetrainForm } from "./forms";
import { RETRAIN_DAYS } from "@/lib/refresher";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const viewer = await requireRole(["admin"], "/admin");
  const schemes = await allSchemes(viewer);
  const versions = await contentVersionsForAdmin(viewer);
  const older = versions.versions.filter((v) => !v.isCurrent && !v.markedAt);
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
      <h2>Course versions</h2>
      <p>
        The course is now at version <strong>{versions.current}</strong>. Each certificate records the version it was earned
        against.
      </p>
      <details>
        <summary>What changed in each version</summary>
        <dl className="summary-list">
          {versions.changes.map((c) => (
            <div key={c.version}>
              <dt>Version {c.version}</dt>
              <dd>{c.summary}</dd>
            </div>
          ))}
        </dl>
      </details>
      {versions.versions.length ? (
        <ul>
          {versions.versions.map((v) => (
            <li key={v.contentVersion}>
              Version {v.contentVersion}: {v.holders} certificate{v.holders === 1 ? "" : "s"} in force
              {v.isCurrent ? " (current)" : ""}
              {v.markedAt ? `, marked for retraining on ${v.markedAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No certificates yet.</p>
      )}
      {older.length ? (
        <>
          <h3>Ask holders of an older version to retrain</h3>
          <p>Their refresher becomes due now, with {RETRAIN_DAYS} days to complete it.</p>
          <RetrainForm versions={older.map((v) => v.contentVersion)} />
        </>
      ) : null}
    </>
  );
}
