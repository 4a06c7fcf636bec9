// What a page makes a phone download: the HTML and every script and stylesheet it links to, as sent
// over the wire with gzip (Next compresses responses), and the JavaScript in particular.
import { request } from "node:http";
import { gzipSync } from "node:zlib";

export type PageWeight = {
  /** gzip bytes of the HTML document (its inline scripts included). */
  html: number;
  /** gzip bytes of inline <script> content in the HTML (the React Server Components payload). */
  inlineJs: number;
  /** gzip bytes of the JavaScript files the page loads, and their URLs (noModule polyfills apart). */
  js: number;
  scripts: string[];
  /** gzip bytes of noModule scripts: only browsers without ES modules (before 2018) fetch them. */
  noModule: number;
  css: number;
  /** Everything: HTML + JS files + CSS. */
  total: number;
};

const cache = new Map<string, number>();

/** GET with Accept-Encoding: gzip; the size of the body as it came over the wire. */
function wireSize(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; body: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        // Anything the server did not compress is counted as if gzipped, to compare like with like.
        resolve({ status: res.statusCode ?? 0, bytes: encoding === "gzip" ? body.length : gzipSync(body).length, body, encoding });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function assetSize(url: string): Promise<number> {
  if (!cache.has(url)) {
    const r = await wireSize(url);
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`);
    cache.set(url, r.bytes);
  }
  return cache.get(url)!;
}

export async function pageWeight(url: string, cookie?: string): Promise<PageWeight> {
  const page = await wireSize(url, cookie ? { cookie } : {});
  if (page.status !== 200) throw new Error(`GET ${url}: ${page.status}`);
  const html = (page.encoding === "gzip" ? (await import("node:zlib")).gunzipSync(page.body) : page.body).toString("utf8");
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const absolute = (s: string) => new URL(s.replace(/&amp;/g, "&"), url).href;
  const scripts = [...new Set(tags.filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => absolute(m[1]!)))];
  const legacy = [...new Set(tags.filter((m) => /\bnomodule\b/i.test(m[0])).map((m) => absolute(m[1]!)))];
  const styles = [...new Set([...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!))].map((s) => new URL(s.replace(/&amp;/g, "&"), url).href);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  let js = 0;
  for (const s of scripts) js += await assetSize(s);
  let noModule = 0;
  for (const s of legacy) noModule += await assetSize(s);
  let css = 0;
  for (const s of styles) css += await assetSize(s);
  return { html: page.bytes, inlineJs: gzipSync(inline).length, js, scripts: scripts.map((s) => new URL(s).pathname), noModule, css, total: page.bytes + js + css };
}

/** gzip bytes of the scripts `page` loads that `bare` does not: the project's own client JavaScript. */
export async function extraJs(base: string, page: PageWeight, bare: PageWeight): Promise<{ bytes: number; scripts: string[] }> {
  const extra = page.scripts.filter((s) => !bare.scripts.includes(s));
  let bytes = 0;
  for (const s of extra) bytes += await assetSize(new URL(s, base).href);
  return { bytes, scripts: extra };
}
