// Where the end-to-end suite's server lives and what it uses. Shared by the config, the server
// script (e2e/server.mjs computes the same values) and the tests' database helpers.
// E2E_PORT lets two runs live side by side, each with its own database folder (and database).
// E2E_ENGINE=postgres runs the site on PostgreSQL: a fresh database slt_e2e_<port> on the server
// TEST_DATABASE_URL names (TEST_DATABASE_CA_FILE for its TLS certificate), as scripts/test-all.sh
// gives; otherwise (the default) on the SQLite file data/e2e…/e2e.db. The database is dropped and
// made again at the next run's start (kept after a run, like the SQLite file, to look at failures).
import { join } from "node:path";

const root = join(__dirname, "..");
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = join(root, "data", port === 3100 ? "e2e" : `e2e-${port}`);

const engineName = process.env.E2E_ENGINE || "sqlite";
if (engineName !== "sqlite" && engineName !== "postgres") throw new Error(`E2E_ENGINE must be sqlite or postgres (it is ${engineName})`);
const engine: "sqlite" | "postgres" = engineName;

/** The e2e database on the PostgreSQL server of TEST_DATABASE_URL. */
function postgresDatabase() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("E2E_ENGINE=postgres needs TEST_DATABASE_URL (a server the tests may create databases on; scripts/test-all.sh starts one).");
  const name = `slt_e2e_${port}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), serverUrl: server, caFile: process.env.TEST_DATABASE_CA_FILE || undefined };
}

export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  dataDir,
  engine,
  databasePath: join(dataDir, "e2e.db"),
  /** With E2E_ENGINE=postgres: the database the site uses, and the server it is made on. */
  postgres: engine === "postgres" ? postgresDatabase() : null,
  clockFile: join(dataDir, "clock.txt"),
};
