// Every quiz attempt, newest first, each opening to the choices made in order (the audit of answers).
import { formatDateTime } from "@/lib/trainer/format";
import type { ModuleTitleMap, PersonRecordView } from "./types";

export function QuizAttempts({ attempts, titles }: { attempts: PersonRecordView["attempts"]; titles: ModuleTitleMap }) {
  return (
    <>
    <h2>Quiz attempts</h2>
    {attempts.length === 0 ? <p>No quiz attempts yet.</p> : <p>Newest first. Open an attempt to see every choice made, in order.</p>}
    {attempts.map((a) => (
      <details key={a.id} className="card" style={{ marginBottom: "0.75rem" }}>
        <summary>
          <strong>{titles.get(a.moduleSlug) ?? a.moduleSlug}</strong>, {formatDateTime(a.startedAt)}:{" "}
          {a.submittedAt ? (a.passed ? `passed, ${a.score} out of ${a.total}` : `not passed, ${a.score} out of ${a.total}`) : "not submitted"} (cycle {a.cycle})
          {a.routeText ? (
            <>
              {" "}
              <span className="tag tag--blue">{a.route === "paper" ? "On paper" : "Supported session"}</span> {a.routeText}
            </>
          ) : null}
        </summary>
        <ol>
          {a.questions.map((q) => (
            <li key={q.scenarioId}>
              <strong>{q.title}</strong>
              {q.choices.length === 0 ? (
                <p>Not answered.</p>
              ) : (
                <ul>
                  {q.choices.map((c, i) => (
                    <li key={i}>
                      {i === 0 ? "Chose" : "Changed to"} “{c.optionText}” ({c.best ? "the best answer" : "not the best answer"}) at {formatDateTime(c.at)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    ))}
    </>
  );
}
