// Loads and validates the course: course.json, sources, glossary, and every module's MDX metadata.
// Cached for the life of the process; content only changes with a new build.
import courseJson from "@/content/course.json";
import glossaryJson from "@/content/glossary.json";
import sourcesJson from "@/content/sources.json";
import { z } from "zod";
import { importModuleFile } from "./mdx-files";
import {
  ContentError,
  type KnowledgeCheck,
  type ModuleMeta,
  type ModuleSlug,
  type PageMeta,
  type Source,
  checkSchema,
  courseSchema,
  glossarySchema,
  moduleMetaSchema,
  pageMetaSchema,
  parseContent,
  sourceSchema,
} from "./schemas";

export type CoursePage = PageMeta & { slug: string; number: number; checks: KnowledgeCheck[] };
export type CourseModule = Omit<ModuleMeta, "pages"> & { slug: ModuleSlug; pages: CoursePage[]; minutes: number };
export type LoadedCourse = {
  id: string;
  title: string;
  version: string;
  modules: CourseModule[];
  sources: Map<string, Source>;
  glossary: Record<string, { term: string; definition: string }>;
  checks: Map<string, { check: KnowledgeCheck; moduleSlug: ModuleSlug; pageSlug: string }>;
};

export const course = parseContent(courseSchema, courseJson, "content/course.json");
export const sources = new Map(parseContent(z.array(sourceSchema), sourcesJson, "content/sources.json").map((s) => [s.id, s]));
export const glossary = parseContent(glossarySchema, glossaryJson, "content/glossary.json");

function checkSources(ids: string[], file: string) {
  for (const id of ids) if (!sources.has(id)) throw new ContentError(`${file}: sources: unknown source id "${id}"`);
}

async function loadModule(slug: ModuleSlug): Promise<CourseModule> {
  const indexFile = `content/modules/${slug}/index.mdx`;
  const meta = parseContent(moduleMetaSchema, (await importModuleFile(slug, "index")).meta, `${indexFile} (export meta)`);
  checkSources(meta.sources, indexFile);
  const pages: CoursePage[] = [];
  for (const [i, pageSlug] of meta.pages.entries()) {
    const file = `content/modules/${slug}/${pageSlug}.mdx`;
    let mod;
    try {
      mod = await importModuleFile(slug, pageSlug);
    } catch (error) {
      throw new ContentError(`${indexFile}: pages[${i}]: no page file ${file} (${(error as Error).message.split("\n")[0]})`);
    }
    const pageMeta = parseContent(pageMetaSchema, mod.meta, `${file} (export meta)`);
    checkSources(pageMeta.sources, file);
    const checks = mod.checks === undefined ? [] : parseContent(z.array(checkSchema), mod.checks, `${file} (export checks)`);
    pages.push({ ...pageMeta, slug: pageSlug, number: i + 1, checks });
  }
  const { pages: _order, ...rest } = meta;
  return { ...rest, slug, pages, minutes: pages.reduce((sum, p) => sum + p.minutes, 0) };
}

let loading: Promise<LoadedCourse> | null = null;

export function loadCourse(): Promise<LoadedCourse> {
  loading ??= (async () => {
    const modules = await Promise.all(course.modules.map(loadModule));
    modules.sort((a, b) => a.order - b.order);
    const checks: LoadedCourse["checks"] = new Map();
    for (const m of modules)
      for (const p of m.pages)
        for (const check of p.checks) {
          if (checks.has(check.id)) throw new ContentError(`content/modules/${m.slug}/${p.slug}.mdx: checks: duplicate check id "${check.id}"`);
          checks.set(check.id, { check, moduleSlug: m.slug, pageSlug: p.slug });
        }
    return { ...course, modules, sources, glossary, checks };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export async function findModule(slug: string): Promise<CourseModule | undefined> {
  return (await loadCourse()).modules.find((m) => m.slug === slug);
}

export function isModuleSlug(value: unknown): value is ModuleSlug {
  return typeof value === "string" && (course.modules as string[]).includes(value);
}
