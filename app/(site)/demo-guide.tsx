// The home page's "what to try" box, in demo mode only: each demo account and what to do with it,
// and a real certificate code to check on the public page.
import { Link } from "@/app/_components/links/link";
import { DEMO_GUIDE, DEMO_PASSWORD, demoCertificateCode } from "@/lib/demo/guide";

export async function DemoGuide() {
  const code = await demoCertificateCode();
  return (
    <section aria-labelledby="demo-guide" className="callout" data-testid="demo-guide">
      <h2 id="demo-guide">Trying the demo</h2>
      <p>
        The people here are invented. Sign in with any of these email addresses and the password <code>{DEMO_PASSWORD}</code>.
      </p>
      <ul>
        {DEMO_GUIDE.map((t) => (
          <li key={t.email}>
            <strong>{t.email}</strong> ({t.role}): {t.what}
          </li>
        ))}
        {code ? (
          <li>
            Anyone, without signing in: <Link href={`/verify/${code}`}>check certificate {code}</Link> on the public page.
          </li>
        ) : null}
      </ul>
    </section>
  );
}
