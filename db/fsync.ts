// Flushing a file or folder to disk, for backups that must survive a power cut once they are
// reported written (a renamed file is only durable once its folder is flushed too).
import { closeSync, fsyncSync, openSync } from "node:fs";

export function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
