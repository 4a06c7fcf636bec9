// The small Markdown subset of a scheme's local notes, parsed into a tree that
// app/_components/scheme/local-note.tsx turns into React elements (never HTML strings: there is no
// way for a note to become markup). What it understands:
//   - paragraphs, separated by a blank line; a single line break stays a line break
//   - lists: lines starting "- " or "* "
//   - **bold**
//   - [link text](https://…): https: addresses only (anything else stays as the text it was)
// Everything else is text, shown as written. Pure: no imports.

export type Inline = { kind: "text"; text: string } | { kind: "strong"; text: string } | { kind: "link"; text: string; href: string };
/** A paragraph is lines (shown with line breaks between them); a list is items. */
export type Block = { kind: "paragraph"; lines: Inline[][] } | { kind: "list"; items: Inline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;

function isHttps(href: string): boolean {
  try {
    return new URL(href).protocol === "https:" && /^https:\/\//i.test(href);
  } catch {
    return false;
  }
}

/** One line's inline parts: links first (their text is not made bold), then **bold** in the rest. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const parts = text.split(/\*\*([^*]+)\*\*/g);
    parts.forEach((part, i) => {
      if (!part) return;
      if (i % 2 === 1) out.push({ kind: "strong", text: part });
      else {
        const last = out[out.length - 1];
        if (last?.kind === "text") last.text += part;
        else out.push({ kind: "text", text: part });
      }
    });
  };
  const link = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (const m of line.matchAll(link)) {
    const [whole, text = "", href = ""] = m;
    if (!isHttps(href)) continue;
    pushText(line.slice(at, m.index));
    out.push({ kind: "link", text, href });
    at = m.index + whole.length;
  }
  pushText(line.slice(at));
  return out;
}

export function parseNote(note: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of note.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((l) => l.trim() !== "");
    let paragraph: Inline[][] = [];
    let list: Inline[][] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", lines: paragraph });
      if (list.length) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (LIST_ITEM.test(line)) {
        if (paragraph.length) flush();
        list.push(parseInline(line.replace(LIST_ITEM, "").trim()));
      } else {
        if (list.length) flush();
        paragraph.push(parseInline(line.trim()));
      }
    }
    flush();
  }
  return blocks;
}

/** The note as plain text (for emails and the listen feature's tests): the Markdown marks taken out. */
export function noteText(note: string): string {
  return parseNote(note)
    .map((b) =>
      (b.kind === "paragraph" ? b.lines : b.items)
        .map((parts) => (b.kind === "list" ? "- " : "") + parts.map((p) => (p.kind === "link" ? `${p.text} (${p.href})` : p.text)).join(""))
        .join("\n"),
    )
    .join("\n\n");
}
