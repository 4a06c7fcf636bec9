import Link from "next/link";

// Rendered inside the page's own layout (which has the <main>), with a 403 when someone signed in asks for a page their role may not see. No data here.
export default function Forbidden() {
  return (
    <div className="narrow">
      <h1>You do not have access to this page</h1>
      <p>This page is for a different role, or for another Shared Lives scheme.</p>
      <p>
        <Link href="/dashboard">Go to your own training page</Link>
      </p>
    </div>
  );
}
