// Builds node-postgres (pg) Pool options from a DATABASE_URL, with libpq's meaning of `sslmode`.
//
// Why not hand the URL to pg as it is: pg 8 reads `sslmode=require` (and prefer, verify-ca) as
// verify-full (it warns that this will change), and when the URL holds any of sslmode, sslrootcert,
// sslcert or sslkey, the `ssl` object parsed from the URL REPLACES the `ssl` given beside it in
// the config, so a CA file passed as an option would be lost. So this module takes the SSL
// parameters out of the URL and builds the `ssl` option itself:
//
//   sslmode      TLS   server certificate checked          host name checked
//   disable      no    -                                   -
//   (absent)     no, unless a CA file is given (then as verify-full)
//   require      yes   only when a CA is given (as libpq)  no
//   verify-ca    yes   yes (CA file, else the system CAs)  no
//   verify-full  yes   yes (CA file, else the system CAs)  yes
//   no-verify    yes   no (pg's own name for this)         no
//   allow/prefer refused: "TLS if the server offers it" cannot be expressed in pg; say which.
//
// A CA file comes from the `caFile` option (e.g. DATABASE_CA_FILE) or from `sslrootcert` in the
// URL; the option wins. `sslrootcert=system` means the system CAs (as libpq 16).
import { readFileSync } from "node:fs";
import type { PoolConfig } from "pg";

export type PgConnectionInput = {
  /** postgres:// or postgresql:// URL, as in DATABASE_URL. */
  url: string;
  /** Path to a PEM file of the CA(s) that signed the server's certificate. */
  caFile?: string;
  /** Most connections the pool opens (pg's `max`). */
  poolSize?: number;
  /** Server-side statement timeout in milliseconds; 0 or absent means none. */
  statementTimeoutMs?: number;
  /** Milliseconds to wait for a connection before failing (pg's connectionTimeoutMillis). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** For tests: reads the CA file. */
  readFile?: (path: string) => string;
};

const SSL_PARAMS = ["sslmode", "sslrootcert", "sslcert", "sslkey", "ssl", "uselibpqcompat", "sslnegotiation"] as const;
const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"] as const;
type SslMode = (typeof SSL_MODES)[number];

export class PgConnectionOptionsError extends Error {}

/**
 * Splits the URL into one without SSL parameters and the SSL parameters themselves. Only the query
 * string is rewritten: the rest stays as written (WHATWG URL would refuse `postgres://user@/db`,
 * a unix-socket URL that pg accepts).
 */
function splitUrl(url: string): { url: string; params: Map<string, string> } {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (!scheme) {
    // Never echo the URL: it may hold a password.
    throw new PgConnectionOptionsError("DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)");
  }
  const protocol = scheme[1]!.toLowerCase();
  if (protocol !== "postgres" && protocol !== "postgresql") {
    throw new PgConnectionOptionsError(`DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${protocol}://)`);
  }
  const q = url.indexOf("?");
  if (q < 0) return { url, params: new Map() };
  const hash = url.indexOf("#", q);
  const query = new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash));
  const params = new Map<string, string>();
  for (const name of SSL_PARAMS) {
    const value = query.get(name);
    if (value !== null) params.set(name, value);
    query.delete(name);
  }
  const rest = query.toString();
  return { url: url.slice(0, q) + (rest ? `?${rest}` : ""), params };
}

export function buildPgPoolOptions(input: PgConnectionInput): PoolConfig {
  const { url, params } = splitUrl(input.url);
  const read = input.readFile ?? ((path: string) => readFileSync(path, "utf8"));

  for (const unsupported of ["sslcert", "sslkey", "ssl", "uselibpqcompat", "sslnegotiation"] as const) {
    if (params.has(unsupported)) {
      throw new PgConnectionOptionsError(`DATABASE_URL: ${unsupported}= is not supported here; use sslmode= (and a CA file if needed)`);
    }
  }
  const rawMode = params.get("sslmode");
  if (rawMode !== undefined && !(SSL_MODES as readonly string[]).includes(rawMode)) {
    throw new PgConnectionOptionsError(`DATABASE_URL: unknown sslmode=${rawMode} (use disable, require, verify-ca or verify-full)`);
  }
  const mode = rawMode as SslMode | undefined;
  if (mode === "allow" || mode === "prefer") {
    throw new PgConnectionOptionsError(
      `DATABASE_URL: sslmode=${mode} (TLS only if the server offers it) is not supported by node-postgres; use sslmode=require or verify-full for TLS, or sslmode=disable`,
    );
  }

  const rootCert = input.caFile ?? params.get("sslrootcert");
  const systemCas = rootCert === "system";
  const ca = rootCert && !systemCas ? read(rootCert) : undefined;

  let ssl: PoolConfig["ssl"];
  if (mode === "disable") {
    ssl = false;
  } else if (mode === "no-verify") {
    ssl = { rejectUnauthorized: false };
  } else if (mode === "require") {
    // libpq: require checks nothing, unless a root certificate is given (then as verify-ca).
    ssl = ca ? { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
  } else if (mode === "verify-ca") {
    ssl = { ...(ca ? { ca } : {}), rejectUnauthorized: true, checkServerIdentity: () => undefined };
  } else if (mode === "verify-full" || ca || systemCas) {
    ssl = { ...(ca ? { ca } : {}), rejectUnauthorized: true };
  } else {
    ssl = false;
  }

  const options: PoolConfig = { connectionString: url, ssl };
  // No JIT compilation: it pays for itself on long analytic queries, never on a page's. With
  // PostgreSQL's default (jit on above a plan cost of 100,000) the training matrix of a 10,000-person
  // scheme spent 12 s compiling a query that then ran in 0.3 s. Sent when the connection starts, so
  // it costs no round trip; an `options` parameter in DATABASE_URL replaces it.
  options.options = "-c jit=off";
  if (input.poolSize !== undefined) {
    if (!Number.isInteger(input.poolSize) || input.poolSize < 1) throw new PgConnectionOptionsError("pool size must be a whole number of at least 1");
    options.max = input.poolSize;
  }
  if (input.statementTimeoutMs !== undefined && input.statementTimeoutMs !== 0) {
    if (!Number.isInteger(input.statementTimeoutMs) || input.statementTimeoutMs < 0) {
      throw new PgConnectionOptionsError("statement timeout must be a whole number of milliseconds");
    }
    options.statement_timeout = input.statementTimeoutMs;
  }
  if (input.connectTimeoutMs !== undefined) options.connectionTimeoutMillis = input.connectTimeoutMs;
  if (input.applicationName !== undefined) options.application_name = input.applicationName;
  return options;
}

/** Whether TLS will be used, and whether the server's certificate is checked: for logs and /health. */
export function describeSsl(options: PoolConfig): string {
  const ssl = options.ssl;
  if (!ssl) return "no TLS";
  if (ssl === true) return "TLS, certificate verified";
  if (ssl.rejectUnauthorized === false) return "TLS, certificate not verified";
  return ssl.checkServerIdentity ? "TLS, certificate verified against the CA (host name not checked)" : "TLS, certificate and host name verified";
}
