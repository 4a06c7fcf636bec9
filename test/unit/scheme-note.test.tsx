// A scheme's local note: the small Markdown subset parsed into a tree, and that tree as React
// elements. Whatever a note says, it becomes text and https: links, never markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalNote } from "@/app/_components/scheme/local-note";
import { noteText, parseInline, parseNote } from "@/lib/scheme-details/note";

const html = (note: string) => renderToStaticMarkup(createElement(LocalNote, { note }));

describe("parsing a note", () => {
  it("makes paragraphs, line breaks and lists", () => {
    expect(parseNote("One\nTwo\n\n- a\n- b\nAfter")).toEqual([
      { kind: "paragraph", lines: [[{ kind: "text", text: "One" }], [{ kind: "text", text: "Two" }]] },
      { kind: "list", items: [[{ kind: "text", text: "a" }], [{ kind: "text", text: "b" }]] },
      { kind: "paragraph", lines: [[{ kind: "text", text: "After" }]] },
    ]);
  });

  it("makes **bold** and https: links, and leaves anything else as the text it was", () => {
    expect(parseInline("Ring **first**, then [email](https://www.example.org/x).")).toEqual([
      { kind: "text", text: "Ring " },
      { kind: "strong", text: "first" },
      { kind: "text", text: ", then " },
      { kind: "link", text: "email", href: "https://www.example.org/x" },
      { kind: "text", text: "." },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ kind: "text", text: "[x](javascript:alert(1))" }]);
    expect(parseInline("[x](http://www.example.org)")).toEqual([{ kind: "text", text: "[x](http://www.example.org)" }]);
    expect(parseInline("**not closed")).toEqual([{ kind: "text", text: "**not closed" }]);
  });

  it("gives plain text for emails", () => {
    expect(noteText("Ring **first**.\n- [Guide](https://www.example.org)")).toBe("Ring first.\n\n- Guide (https://www.example.org)");
  });
});

describe("a note on the page", () => {
  it("shows markup in a note as text, never as markup", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror="alert(1)"> &amp;');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&amp;amp;");
  });

  it("links only to https: addresses, and a link cannot break out of its attribute", () => {
    expect(html("[x](javascript:alert(1))")).not.toContain("href");
    const out = html('[click](https://www.example.org/"onmouseover="alert(1))');
    // The quote stays inside the address (escaped): no attribute of its own.
    expect(out).not.toMatch(/<a [^>]*\sonmouseover=/);
    expect(out).toContain('href="https://www.example.org/&quot;onmouseover=&quot;alert(1"');
    expect(html("[Guide](https://www.example.org/g)")).toBe(
      '<div class="scheme-panel__note"><p><a href="https://www.example.org/g" rel="noopener noreferrer">Guide</a></p></div>',
    );
  });

  it("draws lists, bold and line breaks", () => {
    expect(html("Ring **first**\nthen email\n\n- one\n- two")).toBe(
      '<div class="scheme-panel__note"><p>Ring <strong>first</strong><br/>then email</p><ul><li>one</li><li>two</li></ul></div>',
    );
  });
});
