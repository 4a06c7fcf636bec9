// Support a carer: an officer (a trainer or staff member) finds a carer of their scheme, to start a
// supported session on this device or to print a paper workbook. A plain GET search: no JavaScript.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { orNoAccessAsync } from "@/lib/http-status";
import { CARER_SEARCH_LIMIT, carersToSupport } from "@/lib/support/officer";

export const metadata: Metadata = { title: "Support a carer" };

export default async function SupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireRole(["trainer", "staff"], "/support");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const carers = await orNoAccessAsync(async () => await carersToSupport(viewer, q));
  return (
    <div className="narrow">
      <h1>Support a carer</h1>
      <p>
        For carers who find it hard to use the course on their own. Choose the carer you are with. You can then do the course together on this
        device (a supported session), or print a paper workbook for them and type in their answers afterwards.
      </p>
      <p>
        <Link href="/support/paper">Enter the answers from a paper workbook</Link>
      </p>
      <h2>Find the carer</h2>
      <form method="get" action="/support" role="search" aria-label="Find a carer">
        <div className="form-group">
          <label htmlFor="q">Their name or email address</label>
          <input id="q" name="q" type="search" defaultValue={q} autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          Find
        </button>
      </form>
      {carers.length === 0 ? (
        <p>{q ? `No carer in your scheme matches “${q}”.` : "There are no carers in your scheme yet."}</p>
      ) : (
        <>
          <p>
            {q ? `Carers matching “${q}”` : "Carers in your scheme"}
            {carers.length === CARER_SEARCH_LIMIT ? ` (the first ${CARER_SEARCH_LIMIT}: type more of the name to narrow it down)` : ""}:
          </p>
          <ul className="carer-list">
            {carers.map((c) => (
              <li key={c.id}>
                <Link href={`/support/${c.id}`}>{c.name}</Link> <span className="hint">{c.email}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
