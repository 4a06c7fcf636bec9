#!/usr/bin/env node
// Rough readability report for MDX pages while writing content.
// The real gate is test/content/readability.test.ts, which renders each page first.
// Usage: node scripts/readability.mjs content/modules/golden-rules [more files or folders]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import rs from "text-readability";

function mdxFiles(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).flatMap((f) => mdxFiles(join(path, f)));
  }
  return path.endsWith(".mdx") ? [path] : [];
}

// Strip exports, components and Markdown syntax, keeping the prose a reader sees.
export function proseOf(source) {
  return source
    .replace(/^export const[\s\S]*?^(?=\S)(?!\s)/gm, (block) => (block.startsWith("export") ? "" : block))
    .replace(/<[^>]+\/>/g, " ")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/^#+\s*/gm, "")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/^\s*\d+\.\s+/gm, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((p) => (/[.!?:]$/.test(p) ? p : p + "."))
    .join("\n\n");
}

function exportedText(source) {
  // Fact lists and checks are read too: quote their "text", "question", "feedback" strings.
  const strings = [...source.matchAll(/(?:text|question|feedback|summary)\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return strings.map((s) => (/[.!?]$/.test(s) ? s : s + ".")).join("\n\n");
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("Usage: node scripts/readability.mjs <mdx file or folder>...");
  process.exit(2);
}
for (const file of targets.flatMap(mdxFiles)) {
  const source = readFileSync(file, "utf8");
  const text = proseOf(source.replace(/^export const [\s\S]*?\n(?=\S)/m, "")) + "\n\n" + exportedText(source);
  const grade = rs.fleschKincaidGrade(text);
  const ease = rs.fleschReadingEase(text);
  console.log(`${file}\tFK grade ${grade.toFixed(1)} (reading age ${(grade + 5).toFixed(0)})\tease ${ease.toFixed(0)}\twords ${rs.lexiconCount(text)}`);
}
