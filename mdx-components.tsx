import type { MDXComponents } from "mdx/types";
import { courseComponents } from "@/app/_components/mdx/course-components";

// Required by @next/mdx: the components every MDX page may use, and how Markdown elements render.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...courseComponents, ...components };
}
