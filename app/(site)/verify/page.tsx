import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatCode, normaliseCode } from "@/lib/certificates/code";

// A plain GET form (it works without JavaScript): /verify?code=… comes back here, and a code that
// could be one goes on to /verify/XXXX-XXXX-…; an empty or malformed one is shown with an error.

type Search = Promise<Record<string, string | string[] | undefined>>;

function problemWith(input: string | undefined): string | null {
  if (input === undefined) return null;
  if (!input.trim()) return "Enter the certificate code";
  return "Enter the code exactly as it is printed on the certificate: 28 letters and numbers, in groups of 4";
}

function codeParam(query: Record<string, string | string[] | undefined>): string | undefined {
  const value = query.code;
  return typeof value === "string" ? value.slice(0, 200) : undefined;
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const input = codeParam(await searchParams);
  const problem = input !== undefined && !normaliseCode(input) ? problemWith(input) : null;
  return { title: problem ? "Error: Check a certificate" : "Check a certificate" };
}

export default async function VerifyPage({ searchParams }: { searchParams: Search }) {
  const input = codeParam(await searchParams);
  if (input !== undefined) {
    const code = normaliseCode(input);
    if (code) redirect(`/verify/${formatCode(code)}`);
  }
  const error = problemWith(input);

  return (
    <div className="narrow">
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-testid="error-summary">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            <li>
              <a href="#code">{error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <h1>Check a certificate</h1>
      <p>
        Shared Lives carers and staff get a certificate when they finish this training. You can check that a certificate is genuine and whether it is
        still in date.
      </p>
      <p>You will see the person&apos;s name, the course, and the dates. Nothing else about them is shown.</p>
      <form method="get" action="/verify" noValidate>
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label htmlFor="code">Certificate code</label>
          <span className="field-hint" id="code-hint">
            It is printed on the certificate, under &quot;Certificate code&quot;. It has 28 letters and numbers in groups of 4, for example
            7K3M-Q9XA-… You can leave out the dashes.
          </span>
          {error ? (
            <p className="field-error" id="code-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={input}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          Check certificate
        </button>
      </form>
      <p>If you scanned the QR code on a certificate, you do not need this form: the code takes you straight to the answer.</p>
    </div>
  );
}
