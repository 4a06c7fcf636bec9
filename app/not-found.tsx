import { Link } from "@/app/_components/links/link";
import { PublicHeader } from "./_components/site-header";

// Addresses that match no page at all, rendered in the root layout only, so it brings its own
// header and <main>. (notFound() inside a page group uses that group's not-found.tsx.)
export default function NotFound() {
  return (
    <>
      <PublicHeader />
      <main id="main" className="narrow">
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the whole address.</p>
        <p>
          <Link href="/">Go to the home page</Link>
        </p>
      </main>
    </>
  );
}
