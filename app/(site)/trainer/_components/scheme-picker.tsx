import { Link } from "@/app/_components/links/link";
import { schemesToPick } from "@/lib/trainer/scope";
import type { Viewer } from "@/lib/access";

/** Admins belong to no scheme: they choose one first. Async (it reads the schemes): pages call it and return its result. */
export async function SchemePicker({ viewer, path, title }: { viewer: Viewer; path: string; title: string }) {
  const schemes = await schemesToPick(viewer);
  return (
    <>
      <h1>{title}</h1>
      <p>You are an admin, so you can see every scheme. Choose a scheme.</p>
      {schemes.length === 0 ? (
        <p>
          There are no schemes yet. Create one on the <Link href="/admin">admin page</Link>.
        </p>
      ) : (
        <ul>
          {schemes.map((s) => (
            <li key={s.id}>
              <Link href={`${path}?scheme=${s.id}`}>{s.name}</Link> ({s.people.toLocaleString("en-GB")} people)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
