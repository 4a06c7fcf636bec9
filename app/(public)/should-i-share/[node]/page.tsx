import { ListenButton } from "@/app/_components/listen/listen-button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadCourse } from "@/lib/content/course";
import { type OutcomeNode, type QuestionNode, type Verdict, loadGoldenRules, nodePath, parentsOf, walkthrough } from "@/lib/walkthrough";

// One step of the "Should I share?" job aid: a question with its answers as plain links (nothing is
// sent anywhere, nothing is kept), or an outcome with what to do and the golden rules behind it.
export const dynamicParams = false;

type Params = { node: string };

export function generateStaticParams(): Params[] {
  return Object.keys(walkthrough.nodes).map((node) => ({ node }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const node = walkthrough.nodes[(await params).node];
  if (!node) return {};
  return { title: `${node.kind === "question" ? `Question ${node.number}: ${node.question}` : node.title} (Should I share?)` };
}

const verdictLabel: Record<Verdict, { text: string; notice: string }> = {
  share: { text: "You can share", notice: "notice--success" },
  "do-not-share": { text: "Do not share now", notice: "notice--warning" },
  "seek-advice": { text: "Get advice first", notice: "notice--warning" },
  "act-now": { text: "Act now", notice: "notice--error" },
};

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
function BackLinks({ id }: { id: string }) {
  const parents = parentsOf(walkthrough, id);
  if (parents.length === 0) {
    return (
      <Link href="/should-i-share" className="back-link">
        Back
      </Link>
    );
  }
  if (parents.length === 1) {
    return (
      <Link href={nodePath(parents[0]!)} className="back-link">
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
            <Link href={nodePath(p)}>{questionLabel(p, parents)}</Link>
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

function QuestionStep({ id, node }: { id: string; node: QuestionNode }) {
  return (
    <div className="narrow" data-listen>
      <BackLinks id={id} />
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
            <Link href={nodePath(a.next)} className="button button--secondary">
              {a.label}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/should-i-share">Start again</Link>
      </p>
      <Credit />
    </div>
  );
}

async function OutcomeStep({ id, node }: { id: string; node: OutcomeNode }) {
  const rules = await loadGoldenRules();
  const verdict = verdictLabel[node.verdict];
  return (
    <div className="narrow" data-listen>
      <BackLinks id={id} />
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
        <Link href="/modules/golden-rules/golden-rules">Read about all seven golden rules</Link>
      </p>
      <p>This guide has not kept any of your answers.</p>
      <Link href="/should-i-share" className="button">
        Start again
      </Link>
      <Credit />
    </div>
  );
}

export default async function WalkthroughStep({ params }: { params: Promise<Params> }) {
  const { node: id } = await params;
  const node = walkthrough.nodes[id];
  if (!node) notFound();
  return node.kind === "question" ? <QuestionStep id={id} node={node} /> : <OutcomeStep id={id} node={node} />;
}
