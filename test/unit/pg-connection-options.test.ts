import { describe, expect, it } from "vitest";
import { buildPgPoolOptions, describeSsl, PgConnectionOptionsError } from "@/db/pg-connection-options";

const files: Record<string, string> = { "/etc/ca.pem": "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n" };
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: ${path}`);
  return text;
};
const build = (url: string, extra: Partial<Parameters<typeof buildPgPoolOptions>[0]> = {}) => buildPgPoolOptions({ url, readFile, ...extra });

describe("buildPgPoolOptions", () => {
  it("takes the SSL parameters out of the URL, so that pg cannot replace the ssl option with its own reading", () => {
    const o = build("postgres://app:s%40cret@db.example.org:6543/training?sslmode=require&sslrootcert=/etc/ca.pem&application_name=x");
    expect(o.connectionString).toBe("postgres://app:s%40cret@db.example.org:6543/training?application_name=x");
    expect(o.connectionString).not.toMatch(/ssl/);
  });

  it("keeps a URL without SSL parameters as it is, with TLS off", () => {
    const o = build("postgresql://postgres@127.0.0.1:5432/postgres");
    expect(o.connectionString).toBe("postgresql://postgres@127.0.0.1:5432/postgres");
    expect(o.ssl).toBe(false);
    expect(describeSsl(o)).toBe("no TLS");
  });

  it("sslmode=disable: no TLS, even with a CA file", () => {
    expect(build("postgres://h/db?sslmode=disable", { caFile: "/etc/ca.pem" }).ssl).toBe(false);
  });

  it("sslmode=require without a CA: TLS, certificate not checked (as libpq)", () => {
    const o = build("postgres://h/db?sslmode=require");
    expect(o.ssl).toEqual({ rejectUnauthorized: false });
    expect(describeSsl(o)).toBe("TLS, certificate not verified");
  });

  it("sslmode=require with a CA file: the certificate is checked against it, the host name is not (libpq's verify-ca)", () => {
    const o = build("postgres://h/db?sslmode=require", { caFile: "/etc/ca.pem" });
    const ssl = o.ssl as { ca: string; rejectUnauthorized: boolean; checkServerIdentity: () => undefined };
    expect(ssl.ca).toBe(files["/etc/ca.pem"]);
    expect(ssl.rejectUnauthorized).toBe(true);
    expect(ssl.checkServerIdentity()).toBeUndefined();
  });

  it("sslmode=verify-full: certificate and host name checked, against the CA file or the system CAs", () => {
    const withCa = build("postgres://h/db?sslmode=verify-full", { caFile: "/etc/ca.pem" });
    expect(withCa.ssl).toEqual({ ca: files["/etc/ca.pem"], rejectUnauthorized: true });
    expect(describeSsl(withCa)).toBe("TLS, certificate and host name verified");
    expect(build("postgres://h/db?sslmode=verify-full").ssl).toEqual({ rejectUnauthorized: true });
  });

  it("sslmode=verify-ca: certificate checked, host name not", () => {
    const o = build("postgres://h/db?sslmode=verify-ca&sslrootcert=/etc/ca.pem");
    expect(o.ssl).toMatchObject({ ca: files["/etc/ca.pem"], rejectUnauthorized: true });
    expect(describeSsl(o)).toMatch(/host name not checked/);
  });

  it("takes the CA from sslrootcert in the URL, the caFile option winning over it", () => {
    files["/etc/other.pem"] = "OTHER";
    expect(build("postgres://h/db?sslmode=verify-full&sslrootcert=/etc/other.pem").ssl).toMatchObject({ ca: "OTHER" });
    expect(build("postgres://h/db?sslmode=verify-full&sslrootcert=/etc/other.pem", { caFile: "/etc/ca.pem" }).ssl).toMatchObject({
      ca: files["/etc/ca.pem"],
    });
    expect(build("postgres://h/db?sslmode=verify-full&sslrootcert=system").ssl).toEqual({ rejectUnauthorized: true });
  });

  it("a CA file without sslmode means verify-full", () => {
    expect(build("postgres://h/db", { caFile: "/etc/ca.pem" }).ssl).toEqual({ ca: files["/etc/ca.pem"], rejectUnauthorized: true });
  });

  it("fails when the CA file cannot be read", () => {
    expect(() => build("postgres://h/db?sslmode=verify-full", { caFile: "/nope.pem" })).toThrow(/ENOENT/);
  });

  it("refuses sslmode values it cannot honour, and other SSL parameters, saying what to use", () => {
    expect(() => build("postgres://h/db?sslmode=prefer")).toThrow(/sslmode=prefer.*not supported.*require or verify-full/);
    expect(() => build("postgres://h/db?sslmode=allow")).toThrow(PgConnectionOptionsError);
    expect(() => build("postgres://h/db?sslmode=strict")).toThrow(/unknown sslmode=strict/);
    expect(() => build("postgres://h/db?ssl=true")).toThrow(/ssl= is not supported/);
    expect(() => build("postgres://h/db?sslcert=/c.pem&sslmode=require")).toThrow(/sslcert= is not supported/);
  });

  it("refuses what is not a postgres URL, without repeating it (it may hold a password)", () => {
    expect(() => build("not a url with p4ssw0rd")).toThrow(/not a valid URL/);
    expect(() => build("not a url with p4ssw0rd")).not.toThrow(/p4ssw0rd/);
    expect(() => build("mysql://u:p@h/db")).toThrow(/must start with postgres/);
  });

  it("sets pool size, statement timeout, connect timeout and application name", () => {
    const o = build("postgres://h/db", { poolSize: 20, statementTimeoutMs: 15_000, connectTimeoutMs: 5_000, applicationName: "shared-lives" });
    expect(o).toMatchObject({ max: 20, statement_timeout: 15_000, connectionTimeoutMillis: 5_000, application_name: "shared-lives" });
    const plain = build("postgres://h/db", { statementTimeoutMs: 0 });
    expect(plain.max).toBeUndefined();
    expect(plain.statement_timeout).toBeUndefined();
    expect(() => build("postgres://h/db", { poolSize: 0 })).toThrow(/pool size/);
    expect(() => build("postgres://h/db", { poolSize: 2.5 })).toThrow(/pool size/);
    expect(() => build("postgres://h/db", { statementTimeoutMs: -1 })).toThrow(/statement timeout/);
  });

  it("turns JIT compilation off for every connection (it cost the training matrix seconds)", () => {
    expect(build("postgres://h/db").options).toBe("-c jit=off");
  });

  it("keeps a unix-socket host given as a query parameter", () => {
    const o = build("postgres://postgres@/training?host=/tmp/slt-pg.x&sslmode=disable");
    expect(o.connectionString).toBe("postgres://postgres@/training?host=%2Ftmp%2Fslt-pg.x");
    expect(o.ssl).toBe(false);
  });
});
