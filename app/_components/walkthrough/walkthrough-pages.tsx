// The "Should I share?" job aid's pages, as everyone reads them (`local` null) or as a scheme's copy
// with its contacts at the start and at the outcomes that say to ask the scheme. Each answer is a
// plain link that stays on the same copy; nothing is sent anywhere, nothing is kept.
import { Link } from "@/app/_components/links/link";
import { ListenButton } from "@/app/_components/listen/listen-button";
import { SchemePanel } from "@/app/_components/scheme/scheme-panel";
import { loadCourse } from "@/lib/content/course";
import { ownValue } from "@/lib/own";
import type { LocalCourse } from "@/lib/scheme-details/form";
import { WALKTHROUGH_POINTS } from "@/lib/scheme-details/points";
import { lessonHref, walkthroughHref } from "@/lib/scheme-details/links";
import type { SchemeVersion } from "@/lib/scheme-details/page-keys";
import { type OutcomeNode, type QuestionNode, type Verdict, loadGoldenRules, parentsOf, walkthrough } from "@/lib/walkthrough";

const verdictLabel: Record<Verdict, { text: string; notice: string }> = {
  share: { text: "You can share", notice: "notice--success" },
  "do-not-share": { text: "Do not share now", notice: "notice--warning" },
  "seek-advice": { text: "Get advice first", notice: "notice--warning" },
  "act-now": { text: "Act now", notice: "notice--error" },
};

/** The scheme's panel for this step ("start" or a node id), when the step has a point and the scheme gave something for it. */
function LocalPanel({ step, local }: { step: string; local: LocalCourse | null }) {
  const point = ownValue(WALKTHROUGH_POINTS, step);
  return local && point ? <SchemePanel details={local.details} point={point} /> : null;
}

function questionLabel(id: string, all: string[]): string {
  const node = walkthrough.nodes[id];
  if (node?.kind !== "question") return id;
  const sameNumber = all.filter((other) => {
    const o = walkthrough.nodes[other];
    return o?.kind === "question" && o.number === node.number;
  });
  return sameNumber.length > 1 ? `question ${node.number} (“${node.question}”)` : `question ${node.number}`;
}

/** Back to where the reader came from. A step reached from several questions links to each of them. */
function BackLinks({ id, scheme }: { id: string; scheme: SchemeVersion | null }) {
  const parents = parentsOf(walkthrough, id);
  if (parents.length === 0) {
    return (
      <Link href={walkthroughHref(scheme)} className="back-link">
        Back
      </Link>
    );
  }
  if (parents.length === 1) {
    return (
      <Link href={walkthroughHref(scheme, parents[0]!)} className="back-link">
        Back<span className="visually-hidden"> to {questionLabel(parents[0]!, parents)}</span>
      </Link>
    );
  }
  return (
    <nav aria-label="Go back" className="back-link">
      <p>
        Go back to{" "}
        {parents.map((p, i) => (
          <span key={p}>
            {i > 0 ? (i === parents.length - 1 ? " or " : ", ") : null}
            <Link href={walkthroughHref(scheme, p)}>{questionLabel(p, parents)}</Link>
          </span>
        ))}
        .
      </p>
    </nav>
  );
}

async function Credit() {
  const { sources } = await loadCourse();
  const list = walkthrough.sources.map((s) => sources.get(s)).filter((s) => s !== undefined);
  return (
    <p className="sources">
      Based on{" "}
      {list.map((s) => (
        <span key={s.id}>
          <cite>{s.title}</cite>, {s.publisher}, {s.year}.{" "}
        </span>
      ))}
      <Link href="/about#sources">About our sources</Link>.
    </p>
  );
}

export async function WalkthroughStart({ local }: { local: LocalCourse | null }) {
  const { sources } = await loadCourse();
  const credited = walkthrough.sources.map((id) => sources.get(id)).filter((s) => s !== undefined);
  return (
    <div className="narrow" data-listen>
      <h1>{walkthrough.title}</h1>
      <ListenButton />
      <p className="lead">{walkthrough.intro}</p>
      <LocalPanel step="start" local={local} />
      <div className="notice">
        <h2 style={{ marginTop: 0, fontSize: "1.2rem" }}>Your privacy</h2>
        <p>{walkthrough.privacyNote}</p>
      </div>
      <Link href={walkthroughHref(local, walkthrough.start)} className="button">
        Start now
      </Link>
      <section className="sources" aria-labelledby="sources-title">
        <h2 id="sources-title">Source</h2>
        <ul>
          {credited.map((s) => (
            <li key={s.id}>
              <cite>{s.title}</cite>. {s.publisher}, {s.year}. {s.notice}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function QuestionStep({ id, node, scheme }: { id: string; node: QuestionNode; scheme: SchemeVersion | null }) {
  return (
    <div className="narrow" data-listen>
      <BackLinks id={id} scheme={scheme} />
      <span className="caption">Question {node.number} of 7</span>
      <h1>{node.question}</h1>
      <ListenButton />
      <p className="source-wording">
        In the pocket guide: <q>{node.sourceWording}</q>
      </p>
      <p>{node.help}</p>
      <h2 className="visually-hidden">Choose your answer</h2>
      <ul className="choices" aria-label="Answers">
        {node.answers.map((a) => (
          <li key={a.next + a.label}>
            <Link href={walkthroughHref(scheme, a.next)} className="button button--secondary">
              {a.label}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href={walkthroughHref(scheme)}>Start again</Link>
      </p>
      <Credit />
    </div>
  );
}

async function OutcomeStep({ id, node, local }: { id: string; node: OutcomeNode; local: LocalCourse | null }) {
  const rules = await loadGoldenRules();
  const verdict = verdictLabel[node.verdict];
  return (
    <div className="narrow" data-listen>
      <BackLinks id={id} scheme={local} />
      <span className="caption">Should I share? Your result</span>
      <h1>{node.title}</h1>
      <ListenButton />
      <div className={`notice ${verdict.notice}`}>
        <p>
          <strong>{verdict.text}</strong>
        </p>
      </div>
      <h2>What to do</h2>
      <p>{node.text}</p>
      <LocalPanel step={id} local={local} />
      <h2>The golden rules that apply</h2>
      <ul className="fact-list">
        {node.goldenRules.map((n) => {
          const rule = rules[n - 1];
          return rule ? (
            <li key={n}>
              <strong>
                Golden rule {n}: {rule.title}.
              </strong>{" "}
              {rule.text}
            </li>
          ) : null;
        })}
      </ul>
      <p>
        <Link href={lessonHref(local, "golden-rules", "golden-rules")}>Read about all seven golden rules</Link>
      </p>
      <p>This guide has not kept any of your answers.</p>
      <Link href={walkthroughHref(local)} className="button">
        Start again
      </Link>
      <Credit />
    </div>
  );
}

/** One step: a question with its answers as links, or an outcome. Null for an id that is not a step. */
export function WalkthroughStep({ id, local }: { id: string; local: LocalCourse | null }) {
  const node = ownValue(walkthrough.nodes, id);
  if (!node) return null;
  return node.kind === "question" ? <QuestionStep id={id} node={node} scheme={local} /> : <OutcomeStep id={id} node={node} local={local} />;
}

/** The page title of a step, or null for an id that is not one. */
export function stepTitle(id: string): string | null {
  const node = ownValue(walkthrough.nodes, id);
  if (!node) return null;
  return `${node.kind === "question" ? `Question ${node.number}: ${node.question}` : node.title} (Should I share?)`;
}
