// A scheme's local note as React elements, from the tree lib/scheme-details/note.ts parses: text is
// always text (React escapes it), links are https: only, and nothing is ever passed as HTML.
// No hooks and no server imports: the settings page's preview (a client component) uses it too.
import { Fragment } from "react";
import { type Inline, parseNote } from "@/lib/scheme-details/note";

function Parts({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "strong" ? (
          <strong key={i}>{p.text}</strong>
        ) : p.kind === "link" ? (
          <a key={i} href={p.href} rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

export function LocalNote({ note }: { note: string }) {
  return (
    <div className="scheme-panel__note">
      {parseNote(note).map((block, i) =>
        block.kind === "list" ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Parts parts={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {block.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                <Parts parts={line} />
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
