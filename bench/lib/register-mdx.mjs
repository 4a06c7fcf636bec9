// `node --import ./bench/lib/register-mdx.mjs`: lets the process import .mdx files (see mdx-hooks.mjs).
import { register } from "node:module";

register("./mdx-hooks.mjs", import.meta.url);
