import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { loadCourse } from "@/lib/content/course";

// What the course is, its content version, and the five sources with their notices. Static.
export const metadata: Metadata = { title: "About this course and its sources" };

export default async function AboutPage() {
  const course = await loadCourse();
  const sources = [...course.sources.values()];
  return (
    <div className="narrow">
      <h1>About this course</h1>
      <p className="lead">
        {course.title} is a short course for Shared Lives carers and staff in England. It helps you keep information about
        the person you support safe, and share it well when that helps them.
      </p>
      <p>It has three modules:</p>
      <ol>
        {course.modules.map((m) => (
          <li key={m.slug}>
            <Link href={`/modules/${m.slug}/${m.pages[0]?.slug ?? ""}`}>{m.title}</Link>
          </li>
        ))}
      </ol>
      <p>
        Each module has short pages and ends with a quiz. When you pass all three, you get a certificate. You do a
        refresher each year.
      </p>
      <dl className="summary-list">
        <div>
          <dt>Content version</dt>
          <dd>{course.version}</dd>
        </div>
      </dl>
      <p>
        Your certificate shows the content version you trained on. If the course changes a lot, your scheme may ask you to
        do it again.
      </p>

      <h2 id="sources">Our sources</h2>
      <p>
        We wrote the course in our own plain words. The facts come from these five documents. Each page of the course says
        which ones it uses.
      </p>
      <ol className="cards">
        {sources.map((s) => (
          <li className="card" key={s.id}>
            <h3>{s.title}</h3>
            <dl className="summary-list">
              <div>
                <dt>Published by</dt>
                <dd>{s.publisher}</dd>
              </div>
              <div>
                <dt>Year</dt>
                <dd>{s.year}</dd>
              </div>
              {s.notice ? (
                <div>
                  <dt>Notice</dt>
                  <dd>{s.notice}</dd>
                </div>
              ) : null}
              {s.licence ? (
                <div>
                  <dt>Licence</dt>
                  <dd>
                    <a href={s.licence.url}>{s.licence.name}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
      <p>
        Contains public sector information licensed under the{" "}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>{" "}
        (the Department of Health, Department for Communities and Local Government and Public Health England guidance). The Information Sharing Pocket Guide is © Crown
        copyright 2008. We use extracts from it for non-commercial education and training, with the source acknowledged,
        as its notice allows.
      </p>

      <h2>The law has changed since some sources were written</h2>
      <p>
        The 2008 pocket guide and the Hampshire policy name the Data Protection Act 1998. That law has been replaced. The
        law now is UK GDPR and the Data Protection Act 2018. The course says so where it matters. Otherwise it keeps to what
        the sources say.
      </p>

      <h2>Help while you work</h2>
      <ul>
        <li>
          <Link href="/should-i-share">Should I share?</Link> A step-by-step guide to the seven key questions.
        </li>
        <li>
          <Link href="/glossary">Glossary</Link>. What the words in the course mean.
        </li>
      </ul>
    </div>
  );
}
