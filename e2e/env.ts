// Where the end-to-end suite's server lives and what it uses. Shared by the config, the server
// script (e2e/server.mjs computes the same values) and the tests' database helpers.
// E2E_PORT lets two runs live side by side, each with its own database folder.
import { join } from "node:path";

const root = join(__dirname, "..");
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = join(root, "data", port === 3100 ? "e2e" : `e2e-${port}`);

export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  dataDir,
  databasePath: join(dataDir, "e2e.db"),
  clockFile: join(dataDir, "clock.txt"),
};
