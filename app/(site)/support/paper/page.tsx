// Enter the answers from a paper workbook, step 1: the reference number from the answer sheet. A
// plain GET form (nothing is stored by looking a reference up), so it needs no JavaScript: a good
// reference goes on to its entry form, a wrong one is said here, beside the field.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import type { Viewer } from "@/lib/access";
import { requireRole } from "@/lib/auth/viewer";
import { findWorkbookReference } from "@/lib/paper/workbook";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function lookUp(viewer: Viewer, search: Awaited<Search["searchParams"]>) {
  const raw = search.reference;
  if (raw === undefined) return null;
  return await findWorkbookReference(viewer, Array.isArray(raw) ? raw[0] : raw);
}

export async function generateMetadata({ searchParams }: Search): Promise<Metadata> {
  const viewer = await requireRole(["trainer", "staff"], "/support/paper");
  const found = await lookUp(viewer, await searchParams);
  return { title: `${found && !found.ok ? "Error: " : ""}Enter the answers from a paper workbook` };
}

export default async function FindWorkbookPage({ searchParams }: Search) {
  const viewer = await requireRole(["trainer", "staff"], "/support/paper");
  const search = await searchParams;
  const found = await lookUp(viewer, search);
  if (found?.ok) redirect(`/support/paper/${found.reference}`);
  const typed = typeof search.reference === "string" ? search.reference.slice(0, 40) : "";
  const error = found && !found.ok ? found.message : null;
  return (
    <div className="narrow">
      <Link href="/support" className="back-link">
        Back to Support a carer
      </Link>
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="reference-error-title" data-testid="error-summary">
          <h2 id="reference-error-title">There is a problem</h2>
          <ul>
            <li>
              <a href="#reference">{error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <h1>Enter the answers from a paper workbook</h1>
      <p>Type the reference number printed at the top of the answer sheet. You will then see the questions on that sheet, to type in the answers.</p>
      <form method="get" action="/support/paper" noValidate>
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label htmlFor="reference">Reference number</label>
          <span className="field-hint" id="reference-hint">
            10 digits, like 4821 7390 56
          </span>
          {error ? (
            <p className="field-error" id="reference-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <input
            id="reference"
            name="reference"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            defaultValue={typed}
            aria-describedby={error ? "reference-hint reference-error" : "reference-hint"}
            aria-invalid={error ? true : undefined}
            className="input--reference"
          />
        </div>
        <button type="submit" className="button">
          Continue
        </button>
      </form>
    </div>
  );
}
