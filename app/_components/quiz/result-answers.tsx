import type { ReactNode } from "react";
import type { ResultView } from "@/lib/quiz/service";

/**
 * Every scenario of a submitted attempt with the choice made, its feedback, and the best answer
 * with its feedback when the choice was not it. The online result page and the printed result of a
 * paper workbook both show this, so a carer learns the same from either. `after` adds to a scenario's
 * card (the scheme's contact for it, where the carer's scheme has one).
 */
export function ResultAnswers({ rows, chose = "You chose", after }: { rows: ResultView["rows"]; chose?: string; after?: (scenarioId: string) => ReactNode }) {
  return (
    <ol className="cards result-answers">
      {rows.map((row) => (
        <li key={row.number} className="card">
          <h3>
            {row.number}. {row.scenario.title}{" "}
            {row.correct ? <span className="tag tag--green">Best answer</span> : <span className="tag tag--orange">Not the best answer</span>}
          </h3>
          <p>{row.scenario.situation}</p>
          <p>
            <strong>{chose}:</strong> {row.chosen?.text ?? "No answer"}
          </p>
          {row.chosen ? (
            <p>
              {row.chosen.feedback} <em>({row.chosen.rule})</em>
            </p>
          ) : null}
          {!row.correct ? (
            <>
              <p>
                <strong>The best answer:</strong> {row.best.text}
              </p>
              <p>
                {row.best.feedback} <em>({row.best.rule})</em>
              </p>
            </>
          ) : null}
          {after?.(row.scenario.id)}
        </li>
      ))}
    </ol>
  );
}
