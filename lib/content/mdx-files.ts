// The one place that imports MDX files. Paths are relative with a template, which webpack,
// Turbopack and Vite all turn into a bundle of every content/modules/*/*.mdx file.
import type { ComponentType } from "react";

export type MdxModule = { default: ComponentType<{ components?: Record<string, unknown> }> } & Record<string, unknown>;

export function importModuleFile(moduleSlug: string, file: string): Promise<MdxModule> {
  return import(`../../content/modules/${moduleSlug}/${file}.mdx`) as Promise<MdxModule>;
}
