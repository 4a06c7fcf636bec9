// What valid content looks like. The loader checks every file against these and names the file
// and field at fault, so a content mistake fails a test, not a page in front of a carer.
import { z } from "zod";

export const MODULE_SLUGS = ["golden-rules", "confidentiality", "triangle-of-care"] as const;
export type ModuleSlug = (typeof MODULE_SLUGS)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");
const prose = z.string().trim().min(1, "must not be empty");

export const sourceSchema = z.object({
  id: slug,
  file: z.string(),
  title: prose,
  publisher: prose,
  year: prose,
  notice: z.string(),
  // The licence a source is re-used under, named with its version and linked, as the licence asks.
  licence: z.object({ name: prose, url: z.string().url().startsWith("https://") }).optional(),
});

const version = z.string().regex(/^\d{4}\.\d+$/, "must look like 2026.1");

export const courseSchema = z
  .object({
    id: slug,
    title: prose,
    version,
    modules: z.array(z.enum(MODULE_SLUGS)).length(3),
    // What changed in each version, newest first, so an admin can judge whether holders of an
    // older version need to retrain. Certificates keep the version they were earned against.
    changes: z.array(z.object({ version, summary: prose })).min(1),
  })
  .refine((c) => c.changes[0]?.version === c.version, { path: ["changes"], message: "must start with the current version" });

/** content/topics.json: for each module, topic id → a short label a trainer would recognise. */
const moduleTopics = z.record(slug, prose).refine((t) => Object.keys(t).length > 0, "needs at least one topic");
export const topicsSchema = z.object({
  "golden-rules": moduleTopics,
  confidentiality: moduleTopics,
  "triangle-of-care": moduleTopics,
} satisfies Record<ModuleSlug, typeof moduleTopics>);

export const glossarySchema = z.record(slug, z.object({ term: prose, definition: prose }));

export const moduleMetaSchema = z.object({
  title: prose,
  order: z.number().int().min(1),
  summary: prose,
  keyPoints: z.array(prose).min(3, "needs at least 3 key points").max(8),
  sources: z.array(slug).min(1, "must credit at least one source"),
  pages: z.array(slug).min(3, "needs at least 3 pages"),
});

export const checkSchema = z.object({
  id: z.string().regex(/^(gr|conf|toc)-[a-z0-9-]+$/, "must start gr-, conf- or toc-"),
  question: prose,
  options: z
    .array(z.object({ text: prose, correct: z.boolean(), feedback: prose }))
    .min(2)
    .max(4)
    .refine((o) => o.filter((x) => x.correct).length === 1, "must have exactly one correct option"),
});

export const pageMetaSchema = z.object({
  title: prose,
  minutes: z.number().int().min(1).max(10),
  sources: z.array(slug).min(1, "must credit at least one source"),
});

export const factItemSchema = z.object({ title: prose, text: prose });

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^(gr|conf|toc)-[a-z0-9-]+$/, "must start gr-, conf- or toc-"),
    module: z.enum(MODULE_SLUGS),
    // What the scenario tests (a golden rule, a situation, a standard): a key of content/topics.json
    // for its module. The draw gives each attempt scenarios on different topics.
    topic: slug,
    // A retired scenario stays loadable, so that old attempts still show what the person saw, but
    // is never drawn for a new attempt.
    retired: z.boolean().optional(),
    title: prose,
    situation: prose,
    question: prose,
    options: z
      .array(
        z.object({
          id: z.enum(["a", "b", "c", "d"]),
          text: prose,
          best: z.boolean(),
          feedback: prose,
          rule: prose,
        }),
      )
      .min(3, "needs 3 or 4 options")
      .max(4, "needs 3 or 4 options"),
    sources: z.array(slug).min(1),
  })
  .superRefine((s, ctx) => {
    const best = s.options.filter((o) => o.best).length;
    if (best !== 1) ctx.addIssue({ code: "custom", path: ["options"], message: `must have exactly one best option (has ${best})` });
    const ids = s.options.map((o) => o.id).join("");
    if (ids !== "abcd".slice(0, s.options.length)) ctx.addIssue({ code: "custom", path: ["options"], message: "option ids must be a, b, c, d in order" });
  });

export type Source = z.infer<typeof sourceSchema>;
export type Course = z.infer<typeof courseSchema>;
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type PageMeta = z.infer<typeof pageMetaSchema>;
export type KnowledgeCheck = z.infer<typeof checkSchema>;
export type Topics = Record<ModuleSlug, Record<string, string>>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type FactItem = z.infer<typeof factItemSchema>;

export class ContentError extends Error {}

/** Parses with a schema, or throws naming the file and the field at fault. */
export function parseContent<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(whole file)"}: ${i.message}`);
  throw new ContentError(`${file}: ${problems.join("; ")}`);
}
