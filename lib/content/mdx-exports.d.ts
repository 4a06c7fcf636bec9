// Named exports of our MDX files. They arrive untyped and are validated by lib/content/schemas.ts.
declare module "*.mdx" {
  import type { MDXProps } from "mdx/types";
  import type { JSX } from "react";
  export const meta: unknown;
  export const checks: unknown;
  export default function MDXContent(props: MDXProps): JSX.Element;
}
