// A file name nobody has used yet, for copies the tools name themselves (a restore's safety copy).
// Their names are stamped to the second, and two restores can run in the same second (the second
// undoing the first): the later copy then gets "-2", "-3"… rather than being refused, since a backup
// never overwrites another.
import { existsSync } from "node:fs";
import { join, parse } from "node:path";

export function unusedPath(path: string): string {
  if (!existsSync(path)) return path;
  const { dir, name, ext } = parse(path);
  for (let n = 2; ; n++) {
    const candidate = join(dir, `${name}-${n}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}
