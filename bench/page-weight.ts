// Measures what a lesson page costs a reader on a phone: every request Chromium makes to load it
// (with an empty cache), grouped by type, with the bytes on the wire (gzip, as `next start` sends
// them) and the bytes once unpacked. Run against a production server:
//
//   npx next build && npx next start -p 3217
//   CHROMIUM_PATH=/usr/bin/chromium npx tsx bench/page-weight.ts http://127.0.0.1:3217 /modules/golden-rules/golden-rules
//
// Lesson pages are static and the same for everyone, but the proxy sends visitors without a session
// cookie to sign in; a placeholder cookie gets past it (the page itself never reads it).
import { chromium, devices } from "@playwright/test";
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://127.0.0.1:3217";
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ["/modules/golden-rules/golden-rules"];

type Row = { url: string; type: string; wire: number; body: number; encoding: string };

async function measure(path: string, javaScriptEnabled: boolean): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || undefined, args: ["--no-sandbox"] });
  const context = await browser.newContext({ ...devices["Pixel 7"], javaScriptEnabled });
  await context.addCookies([{ name: "authjs.session-token", value: "page-weight-bench", url: base }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const rows = new Map<string, Row>();
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    rows.set(e.requestId, { url: e.response.url, type: e.type, wire: 0, body: 0, encoding: headers["content-encoding"] ?? "none" });
  });
  cdp.on("Network.dataReceived", (e) => {
    const row = rows.get(e.requestId);
    if (row) row.body += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const row = rows.get(e.requestId);
    if (row) row.wire = e.encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500); // let any link prefetching finish
  await browser.close();
  return [...rows.values()];
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

function summarise(rows: Row[]) {
  const byType = new Map<string, { count: number; wire: number; body: number }>();
  for (const r of rows) {
    const t = byType.get(r.type) ?? { count: 0, wire: 0, body: 0 };
    t.count++;
    t.wire += r.wire;
    t.body += r.body;
    byType.set(r.type, t);
  }
  return byType;
}

/** The HTML's own scripts, fetched with gzip as a browser would ask for them (a cross-check). */
async function gzipOfScripts(path: string): Promise<{ count: number; gzip: number; raw: number }> {
  const html = await (await fetch(base + path, { headers: { Cookie: "authjs.session-token=page-weight-bench" } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let gzip = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  return { count: srcs.length, gzip, raw: raw + Buffer.byteLength(inline) };
}

async function main() {
  for (const path of paths) {
    for (const js of [true, false]) {
      const rows = await measure(path, js);
      const byType = summarise(rows);
      const total = rows.reduce((s, r) => ({ wire: s.wire + r.wire, body: s.body + r.body }), { wire: 0, body: 0 });
      console.log(`\n${path} (JavaScript ${js ? "on" : "off"}): ${rows.length} requests, ${kb(total.wire)} transferred, ${kb(total.body)} unpacked`);
      for (const [type, t] of byType) console.log(`  ${type.padEnd(12)} ${String(t.count).padStart(3)} requests  ${kb(t.wire).padStart(10)} on the wire  ${kb(t.body).padStart(10)} unpacked`);
      if (process.env.VERBOSE) for (const r of rows) console.log(`    ${r.type.padEnd(10)} ${String(r.wire).padStart(7)} ${r.encoding.padEnd(5)} ${r.url.replace(base, "")}`);
    }
    const scripts = await gzipOfScripts(path);
    console.log(`  cross-check: ${scripts.count} external scripts, ${kb(scripts.gzip)} gzipped (${kb(scripts.raw)} raw incl. inline)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
