// Where the end-to-end suite's server lives and what it uses. Shared by the config, the server
// script (through the same values) and the tests' database helpers.
import { join } from "node:path";

const root = join(__dirname, "..");

export const E2E = {
  port: 3100,
  baseURL: "http://127.0.0.1:3100",
  dataDir: join(root, "data", "e2e"),
  databasePath: join(root, "data", "e2e", "e2e.db"),
  clockFile: join(root, "data", "e2e", "clock.txt"),
};
