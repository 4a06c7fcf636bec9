import { ClientLinks } from "@/app/_components/links/client-links";
import { Link } from "@/app/_components/links/link";
import type { ReactNode } from "react";
import type { Viewer } from "@/lib/access";
import { signOutAction } from "@/app/_actions/sign-out";
import { endSupportedSessionAction } from "@/app/_actions/end-supported-session";

const roleName = { carer: "Carer", staff: "Staff", trainer: "Trainer", admin: "Admin" } as const;

function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button--link button">
        Sign out
      </button>
    </form>
  );
}

/**
 * On every page of a supported session: whose training this browser is doing and with whom, and the
 * way back to the officer's own account. A plain form, so it works without JavaScript.
 */
function SupportedBanner({ viewer }: { viewer: Viewer & { supportedBy: NonNullable<Viewer["supportedBy"]> } }) {
  return (
    <section className="supported-banner" aria-label="Supported session">
      <p>
        <strong>Supported session:</strong> {viewer.name} with {viewer.supportedBy.officerName}
      </p>
      <form action={endSupportedSessionAction}>
        <button type="submit" className="button button--secondary supported-banner__end">
          End session
        </button>
      </form>
    </section>
  );
}

/** The header for pages that know who is signed in (dynamic pages). */
export function SiteHeader({ viewer, demo = false }: { viewer: Viewer | null; demo?: boolean }) {
  const supported = viewer?.supportedBy ? (viewer as Viewer & { supportedBy: NonNullable<Viewer["supportedBy"]> }) : null;
  return (
    <header className="site-header">
      <ClientLinks />
      {demo ? <p className="demo-banner">Demo site: the accounts and data here are examples, not real people.</p> : null}
      {supported ? <SupportedBanner viewer={supported} /> : null}
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          Shared Lives training
        </Link>
        <nav aria-label="Main">
          <ul className="site-header__nav">
            {viewer ? (
              <>
                {viewer.role !== "admin" ? (
                  <li>
                    <Link href="/my">My training</Link>
                  </li>
                ) : null}
                {supported ? (
                  <li>
                    <Link href="/should-i-share">Should I share?</Link>
                  </li>
                ) : null}
                {!supported && (viewer.role === "trainer" || viewer.role === "staff") ? (
                  <li>
                    <Link href="/support">Support a carer</Link>
                  </li>
                ) : null}
                {!supported && (viewer.role === "trainer" || viewer.role === "admin") ? (
                  <li>
                    <Link href="/trainer">Trainer</Link>
                  </li>
                ) : null}
                {viewer.role === "admin" ? (
                  <li>
                    <Link href="/admin">Admin</Link>
                  </li>
                ) : null}
                {supported ? null : (
                  <>
                    <li className="site-header__who">
                      Signed in as <strong>{viewer.name}</strong> ({roleName[viewer.role]})
                    </li>
                    <li>
                      <SignOutButton />
                    </li>
                  </>
                )}
              </>
            ) : (
              <li>
                <Link href="/sign-in">Sign in</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** A header for static pages, which cannot know who is signed in: links only. */
function StaticHeader({ children }: { children: ReactNode }) {
  return (
    <header className="site-header">
      <ClientLinks />
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          Shared Lives training
        </Link>
        <nav aria-label="Main">
          <ul className="site-header__nav">{children}</ul>
        </nav>
      </div>
    </header>
  );
}

/**
 * Lesson pages (always read signed in): the person's links and a sign-out button, no name. A
 * scheme's copy of the pages links to that scheme's copy of the walk-through.
 */
export function CourseHeader({ walkthroughHref = "/should-i-share" }: { walkthroughHref?: string }) {
  return (
    <StaticHeader>
      <li>
        <Link href="/my">My training</Link>
      </li>
      <li>
        <Link href={walkthroughHref}>Should I share?</Link>
      </li>
      <li>
        <SignOutButton />
      </li>
    </StaticHeader>
  );
}

/** Public pages (glossary, about, the job aid): nothing about a session. */
export function PublicHeader({ walkthroughHref = "/should-i-share" }: { walkthroughHref?: string }) {
  return (
    <StaticHeader>
      <li>
        <Link href={walkthroughHref}>Should I share?</Link>
      </li>
      <li>
        <Link href="/glossary">Glossary</Link>
      </li>
      <li>
        <Link href="/dashboard">My training</Link>
      </li>
    </StaticHeader>
  );
}
