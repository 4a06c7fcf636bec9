import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { moduleTitles } from "@/lib/training/complete";
import { CYCLES, PERIODS, decisionAnalytics, MIN_ANSWERS_TO_RANK, parseAnalyticsFilters } from "@/lib/trainer/analytics";
import { intakesOf } from "@/lib/trainer/intakes";
import { ROLE_FILTERS, ROLE_LABEL } from "@/lib/trainer/matrix";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "../_components/scope";
import { TableWrap } from "../_components/table-wrap";
import { FilterSelect } from "../_components/filter-select";

export const metadata: Metadata = { title: "Decision analytics" };

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/analytics");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/analytics", title: "Decision analytics" }); // async: called, not rendered as an element
  const filters = parseAnalyticsFilters(params);
  const titles = await moduleTitles();
  const intakes = await orForbiddenAsync(async () => await intakesOf(viewer, scope.id));
  const result = await orForbiddenAsync(async () => await decisionAnalytics(viewer, scope.id, filters));
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/analytics" />
      <h1>Decision analytics</h1>
      <p>
        For every scenario in the quizzes: which answer people chose, as a share of the answers given in submitted quizzes (the answer they
        submitted, not the ones they changed). Use it to see what to go over in person.
      </p>
      <form method="get" action="/trainer/analytics" className="no-print" aria-label="Choose whose answers to count">
        {scope.explicit ? <input type="hidden" name="scheme" value={scope.id} /> : null}
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }}>
          <FilterSelect name="period" label="Answers given in" value={filters.period} options={Object.entries(PERIODS).map(([value, label]) => ({ value, label }))} />
          <FilterSelect name="cycle" label="Training" value={filters.cycle} options={Object.entries(CYCLES).map(([value, label]) => ({ value, label }))} />
          <FilterSelect name="intake" label="Intake" value={filters.intake === null ? "" : String(filters.intake)} options={[{ value: "", label: "Any intake" }, ...intakes.map((i) => ({ value: String(i.id), label: i.name }))]} />
          <FilterSelect name="role" label="Role" value={filters.role ?? ""} options={[{ value: "", label: "Any role" }, ...ROLE_FILTERS.map((r) => ({ value: r, label: ROLE_LABEL[r] }))]} />
        </div>
        <button type="submit" className="button">
          Show answers
        </button>
      </form>

      <p role="status">{result.totalAnswers.toLocaleString("en-GB")} answers counted.</p>

      <h2>Most often answered poorly</h2>
      {result.worst.length === 0 ? (
        <p>Not enough answers yet (a scenario needs at least {MIN_ANSWERS_TO_RANK} to be ranked), or everyone chose the best answer.</p>
      ) : (
        <ol>
          {result.worst.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a> ({titles.get(s.moduleSlug)}): {s.bestPercent} chose the best answer, of {s.answers.toLocaleString("en-GB")}.
              {s.commonWrong ? ` Most common other choice: “${s.commonWrong.text}” (${s.commonWrong.percent}).` : ""}
            </li>
          ))}
        </ol>
      )}

      {result.moduleOrder.map((slug) => (
        <section key={slug} aria-labelledby={`module-${slug}`}>
          <h2 id={`module-${slug}`}>{titles.get(slug) ?? slug}</h2>
          {result.scenarios
            .filter((s) => s.moduleSlug === slug)
            .map((s) => (
              <TableWrap label={`Answers to ${s.title} (${titles.get(slug) ?? slug})`} key={s.id}>
                <table id={s.id}>
                  <caption>
                    {s.title}{" "}
                    <span style={{ fontWeight: 400 }}>
                      ({s.answers.toLocaleString("en-GB")} {s.answers === 1 ? "answer" : "answers"})
                    </span>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Answer</th>
                      <th scope="col">Chosen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.options.map((o) => (
                      <tr key={o.id}>
                        <th scope="row" style={{ fontWeight: o.best ? 700 : 400 }}>
                          {o.text} {o.best ? <span className="tag tag--green">Best answer</span> : null}
                        </th>
                        <td style={{ minWidth: "9rem" }}>
                          {o.percent} ({o.answers.toLocaleString("en-GB")})
                          <span aria-hidden="true" style={{ display: "block", height: "0.5rem", background: o.best ? "var(--good)" : "var(--muted)", width: `${Math.round(o.share * 100)}%` }} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="hint">
                  {s.question} The best answer rests on: {s.bestRule}
                </p>
              </TableWrap>
            ))}
        </section>
      ))}
      <p>
        <Link href="#main">Back to top</Link>
      </p>
    </>
  );
}
