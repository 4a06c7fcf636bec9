import { Link } from "@/app/_components/links/link";
import { getViewer } from "@/lib/auth/viewer";
import { loadCourse } from "@/lib/content/course";
import { env } from "@/lib/env";
import { walkthroughHref } from "@/lib/scheme-details/links";
import { localCourseFor } from "@/lib/scheme-details/service";
import { DemoGuide } from "./demo-guide";

export default async function HomePage() {
  const [viewer, course] = await Promise.all([getViewer(), loadCourse()]);
  const local = await localCourseFor(viewer);
  return (
    <>
      <h1>Shared Lives training</h1>
      {env().demoMode ? <DemoGuide /> : null}
      <p className="lead">
        Training for Shared Lives carers and staff on keeping information safe, and sharing it well when it helps the
        person you support.
      </p>
      <p>The course has three short modules. Each ends with a quiz based on real situations. You can read it on a phone.</p>
      <ol>
        {course.modules.map((m) => (
          <li key={m.slug}>{m.title}</li>
        ))}
      </ol>
      <p>
        When you pass all three, you get a certificate to show your Shared Lives officer. You do a refresher each year.
      </p>
      {viewer ? (
        <Link className="button" href="/dashboard">
          Go to your training
        </Link>
      ) : (
        <Link className="button" href="/sign-in">
          Sign in
        </Link>
      )}
      <h2>Need to decide whether to share something now?</h2>
      <p>
        <Link href={walkthroughHref(local)}>Use the “Should I share?” guide</Link>. It walks you through seven questions. It does not
        keep anything you choose.
      </p>
      <h2>Checking a certificate?</h2>
      <p>
        <Link href="/verify">Check a certificate code</Link>.
      </p>
    </>
  );
}
