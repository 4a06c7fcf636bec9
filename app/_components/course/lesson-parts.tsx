// Small pieces shared by lesson pages, the module overview and the print view. Server only.
import type { Source } from "@/lib/content/schemas";

/** A progress bar with its words: the bar is decoration, the sentence says it all. */
export function ProgressBar({ done, total, label, id }: { done: number; total: number; label: string; id?: string }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress" id={id}>
      <p className="progress__label">{label}</p>
      <div className="progress__bar" aria-hidden="true">
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** Credits for a page: title, publisher and year of each source it uses. */
export function SourceCredits({
  sourceIds,
  sources,
  headingLevel = 2,
  headingId,
  region = true,
}: {
  sourceIds: string[];
  sources: Map<string, Source>;
  headingLevel?: 2 | 3;
  headingId: string;
  /** A named region (one per page); false where many pages share one page, as in the print view. */
  region?: boolean;
}) {
  const Wrapper = region ? "section" : "div";
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const list = sourceIds.map((id) => sources.get(id)).filter((s): s is Source => Boolean(s));
  return (
    <Wrapper className="sources" aria-labelledby={region ? headingId : undefined}>
      <Heading id={headingId} className="sources__title">
        {list.length === 1 ? "Source" : "Sources"}
      </Heading>
      <ul>
        {list.map((s) => (
          <li key={s.id}>
            <cite>{s.title}</cite>. {s.publisher}, {s.year}.
            {s.licence ? (
              <>
                {" "}
                Used under the <a href={s.licence.url}>{s.licence.name}</a>.
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        We wrote this page in our own words from the source{list.length === 1 ? "" : "s"} above. See{" "}
        <a href="/about#sources">about this course</a> for notices.
      </p>
    </Wrapper>
  );
}
