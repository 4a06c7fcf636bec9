// "Your scheme" panels: a scheme's own contacts (and local note) at a point of the national course
// where it says to ask the scheme. Plain components with no hooks and no server imports, so the
// static lesson pages, the pages that know the viewer and the settings form's preview all use them.
import type { SchemeDetails } from "@/lib/scheme-details/form";
import { type ContactItem, type PointId, POINT_TEXT, pointContacts, pointNote } from "@/lib/scheme-details/points";
import { LocalNote } from "./local-note";

function Value({ item }: { item: ContactItem }) {
  return (
    <>
      {item.href ? <a href={item.href}>{item.text}</a> : item.text}
      {item.detail ? <> ({item.detail})</> : null}
    </>
  );
}

/** The contacts as a list of label and value. */
export function ContactList({ items }: { items: ContactItem[] }) {
  return (
    <dl className="scheme-panel__contacts">
      {items.map((item, i) => (
        <div key={`${i}-${item.label}`}>
          <dt>{item.label}</dt>
          <dd>
            <Value item={item} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The panel for one point, or nothing when the scheme gave nothing for it (then the page reads as
 * the national course does). Its heading names the point and the scheme, so two panels on a page
 * have different names.
 */
export function SchemePanel({ details, point, headingLevel = 2 }: { details: SchemeDetails; point: PointId; headingLevel?: 2 | 3 }) {
  const items = pointContacts(details, point);
  const note = pointNote(details, point);
  if (items.length === 0 && !note) return null;
  const id = `your-scheme-${point}`;
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section className="scheme-panel" aria-labelledby={id} data-scheme-point={point}>
      <p className="scheme-panel__caption">Your scheme</p>
      <Heading id={id} className="scheme-panel__title">
        {POINT_TEXT[point].heading(details.publicName)}
      </Heading>
      {items.length ? <ContactList items={items} /> : null}
      {note ? <LocalNote note={note} /> : null}
    </section>
  );
}

/** One line under quiz or check feedback: the scheme's name and who to contact, with links. */
export function SchemeContactLine({ details, point }: { details: SchemeDetails; point: PointId }) {
  const items = pointContacts(details, point);
  if (items.length === 0) return null;
  return (
    <p className="scheme-contact" data-scheme-point={point}>
      <strong>{details.publicName}:</strong>{" "}
      {items.map((item, i) => (
        <span key={`${i}-${item.label}`}>
          {i > 0 ? " · " : null}
          {item.label}: <Value item={item} />
        </span>
      ))}
    </p>
  );
}
