// Node module hooks that compile .mdx files on import, so plain Node processes (started with tsx)
// can load the course the way the site and Vitest do. Used by bench/lib/quiz-worker.ts, the child
// processes of test/integration/concurrency.test.ts.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

let compile;

export async function load(url, context, nextLoad) {
  if (!url.endsWith(".mdx")) return nextLoad(url, context);
  compile ??= (await import("@mdx-js/mdx")).compile;
  const source = await readFile(fileURLToPath(url), "utf8");
  const compiled = await compile(source, { jsxImportSource: "react", development: false });
  return { format: "module", source: String(compiled), shortCircuit: true };
}
