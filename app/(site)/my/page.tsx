import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

import { ContactList } from "@/app/_components/scheme/scheme-panel";
import { canTakeCourse } from "@/lib/access";
import { requireViewer } from "@/lib/auth/viewer";
import { formatLongDate } from "@/lib/dates";
import { REFRESHER_STATUS_LABEL, REFRESHER_STATUS_TAG, formatRefresherLine } from "@/lib/refresher";
import { MODULE_STATUS_LABEL, learnerOverview } from "@/lib/training/overview";
import { showNoAccess } from "@/lib/http-status";
import { walkthroughHref } from "@/lib/scheme-details/links";
import { mainContacts } from "@/lib/scheme-details/points";
import { localCourseFor } from "@/lib/scheme-details/service";

export const metadata: Metadata = { title: "My training" };

type ModuleCard = Awaited<ReturnType<typeof learnerOverview>>["modules"][number];

/**
 * "on 14 March 2027, score 4 out of 5 (in a supported session with …)". Written as one string, as
 * are the other sentences on this page: React draws each piece of text separately, twice.
 */
function completedWords(m: ModuleCard, completedOn: string): string {
  const how = m.assisted ? " (assisted, on paper)" : m.score !== null ? `, score ${m.score} out of ${m.total}` : "";
  return `on ${formatLongDate(completedOn)}${how}${m.routeWords ? ` (${m.routeWords})` : ""}`;
}

export default async function MyTrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/my", { supportedSession: "allowed" });
  if (!canTakeCourse(viewer)) showNoAccess();
  const [overview, params, local] = await Promise.all([learnerOverview(viewer, viewer.personId), searchParams, localCourseFor(viewer)]);
  const contacts = local ? mainContacts(local.details) : [];
  const { state, modules, certificates } = overview;
  // In a supported session this is the carer's course only: no certificates, calendar or data here
  // (those routes refuse a supported session anyway: lib/access.ts).
  const supported = viewer.supportedBy ?? null;
  const current = supported ? undefined : certificates.find((c) => c.status === "valid");
  const doneCount = modules.filter((m) => m.status === "complete").length;
  return (
    <>
      {params.welcome ? (
        <div className="notice notice--success" role="status">
          <p>Your account is set up. Welcome, {viewer.name}.</p>
        </div>
      ) : null}
      {supported ? (
        <div className="notice" role={params.supported === "started" ? "status" : undefined}>
          <p>
            <strong>
              This is {viewer.name}&apos;s training, in a supported session with {supported.officerName}.
            </strong>
          </p>
          <p>
            Read the modules and do the quizzes together. {viewer.name} chooses the answers: the quiz shows which answer is best only after it is
            submitted. Everything done here is recorded as done in a supported session with {supported.officerName}.
          </p>
          <p>When you have finished, press End session at the top of the page.</p>
        </div>
      ) : null}
      <h1>{supported ? `${viewer.name}'s training` : "My training"}</h1>
      <div className={`notice${state.status.status === "overdue" ? " notice--error" : state.status.status === "due-soon" ? " notice--warning" : state.status.status === "complete" ? " notice--success" : ""}`}>
        <p>
          <span className={REFRESHER_STATUS_TAG[state.status.status]}>{REFRESHER_STATUS_LABEL[state.status.status]}</span>{" "}
          <strong data-testid="refresher-line">{formatRefresherLine(state.status)}</strong>
        </p>
        {state.isRefresher ? (
          <p>
            It is time for your yearly refresher. Do the three quizzes again: you will get new situations. The lessons are here if
            you want to read them again.
          </p>
        ) : state.status.status === "complete" ? (
          <p>You have completed your training. Well done.</p>
        ) : (
          <p>
            Do the three modules in order. Each ends with a short quiz. Pass all three to get your certificate. You have completed{" "}
            {doneCount} of {modules.length}.
          </p>
        )}
        {current ? (
          <p>
            <Link href={`/certificates/${current.id}`}>View your certificate</Link> ·{" "}
            <a href="/my/calendar" download>
              Add the refresher date to your calendar
            </a>
          </p>
        ) : null}
      </div>
      <ol className="cards">
        {modules.map((m) => {
          const label = MODULE_STATUS_LABEL[m.status];
          return (
            <li className="card" key={m.slug}>
              <h2>
                <Link href={`/modules/${m.slug}`}>{m.title}</Link>
              </h2>
              <p>
                <strong>Status:</strong> <span className={label.tag}>{label.text}</span>
                {m.status === "complete" && m.completedOn ? ` ${completedWords(m, m.completedOn)}` : null}
              </p>
              <p>{m.summary}</p>
              <p className="hint">
                {`${m.reading.pagesRead > 0 ? `You have read ${m.reading.pagesRead} of ${m.pageCount} pages.` : `${m.pageCount} short pages.`} About ${m.minutes} minutes.`}
              </p>
              <p className="button-group">
                <Link className="button button--secondary" href={`/modules/${m.slug}`}>
                  {m.reading.started ? "Continue reading" : "Start reading"}
                  <span className="visually-hidden">{`: ${m.title}`}</span>
                </Link>
                {m.status !== "complete" ? (
                  <Link href={`/modules/${m.slug}/quiz`}>
                    Take the quiz<span className="visually-hidden">{`: ${m.title}`}</span>
                  </Link>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
      {!supported && certificates.length ? (
        <>
          <h2>My certificates</h2>
          <p>
            {certificates.length === 1 ? "You have 1 certificate. " : `You have ${certificates.length} certificates. `}
            <Link href="/my/certificates">See all your certificates and their codes</Link>
          </p>
        </>
      ) : null}
      {local ? (
        <section aria-labelledby="your-scheme-title">
          <h2 id="your-scheme-title">{`Your scheme: ${local.details.publicName}`}</h2>
          {contacts.length ? (
            <>
              <p>For help with your training, or when you are not sure what to do:</p>
              <ContactList items={contacts} />
            </>
          ) : null}
          <p>
            <Link href={walkthroughHref(local)}>Should I share? A step-by-step guide, with your scheme&apos;s contacts</Link>
          </p>
        </section>
      ) : null}
      {supported ? null : (
        <>
          <h2>Your data</h2>
          <p>
            You can <a href="/my/data">download all the data we hold about you</a> (a JSON file).
          </p>
        </>
      )}
    </>
  );
}
