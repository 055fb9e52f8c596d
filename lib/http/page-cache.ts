import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { newNonce } from "@/lib/http/security-headers";

const gzipAsync = promisify(gzip);

/**
 * Rendered pages, kept per viewer and per version of the data, in the web process.
 *
 * A page costs the web process 15–70 ms of CPU to render (React's server render of the layout, the page and its
 * payload), and it changes only when the data does. Fifty people opening the overview after the morning's scans
 * would render the same bytes fifty times. This cache keeps the answer of a GET for a page (HTML, or the React
 * payload of a client-side navigation) or a JSON read, and answers the same request again with the same bytes
 * while the data has not changed:
 *
 * - **Same request, same viewer.** The key is the URL and every request header that can change the answer: the
 *   whole Cookie header (so a signed-in user only ever gets what was rendered for their own session), Host and
 *   the forwarded host and protocol, the user agent, and the React Server Components navigation headers Next.js
 *   varies on. A request carrying an Authorization header (an API token) is never cached.
 * - **Same data.** Each entry is tagged with the database's version when its render began (`dataVersion`: the
 *   PostgreSQL WAL position, which any committed write anywhere moves), and only answered while the version is
 *   unchanged. The version is read at most every `versionTtlMs`, and at once after this process handled a
 *   request that may write (anything but GET/HEAD/OPTIONS), so whoever changes something sees the change on
 *   their next page. A version that cannot be read (database down) bypasses the cache.
 * - **Not for long.** Entries older than `maxAgeMs` are rendered again (relative times such as "3 hours ago",
 *   expiries "this week").
 * - **A fresh nonce each time.** The Content-Security-Policy nonce of the stored answer is replaced in the
 *   header and the body by a new one on every answer; only answers with status 200, no Set-Cookie and a
 *   cacheable type are kept, at most `maxBytes` in all (least recently used out first).
 *
 * Concurrent misses for the same key wait for the one render in flight instead of rendering it again.
 */
export interface PageCacheOptions {
  /** Total bytes kept; 0 turns the cache off. */
  maxBytes: number;
  /** Longest an entry is answered from, in ms. */
  maxAgeMs: number;
  /** How long a read data version is trusted, in ms. */
  versionTtlMs?: number;
  /** The database's current data version, or null when it cannot be read. */
  dataVersion: () => Promise<string | null>;
  now?: () => number;
  /** Told of every answer: a hit (answered here, with its time from request to last byte), a miss or a bypass. */
  observe?: (answer: { result: "hit" | "miss" | "bypass"; req: IncomingMessage; seconds: number }) => void;
}

export interface PageCacheStats {
  hit: number;
  miss: number;
  bypass: number;
  entries: number;
  bytes: number;
}

export interface PageCache {
  /** Answers `req` from the cache, or through `render` (which writes the response), keeping what it rendered. */
  handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<unknown>): Promise<void>;
  stats(): PageCacheStats;
}

interface Entry {
  key: string;
  version: string;
  storedAt: number;
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  /** The nonce rendered into headers and body, and where it sits in the body. */
  nonce: string | null;
  nonceAt: number[];
  bytes: number;
}

// Paths whose answers must always be live or are never a page: probes, metrics, sign-in, exports, assets.
const NEVER = /^\/(?:_next\/|api\/(?:healthz|readyz|metrics|auth\/|export\/)|sign-in(?:[/?]|$)|favicon)/;
const CACHEABLE_TYPE = /^(?:text\/html|text\/x-component|application\/json)\b/;
// Request headers that change what Next.js renders (besides the URL): the viewer, the host, the client-side
// navigation state of the React Server Components protocol, and bots (Next renders metadata differently).
const VARY = [
  "cookie",
  "host",
  "x-forwarded-host",
  "x-forwarded-proto",
  "user-agent",
  "accept",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
];
const DROP = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "x-dozen-page-cache",
]);
const READS = new Set(["GET", "HEAD", "OPTIONS"]);
// What is remembered of an answer not kept, so the next same request renders at once instead of waiting.
const UNKEPT: Omit<Entry, "key" | "version" | "storedAt"> = {
  status: 0,
  headers: [],
  body: Buffer.alloc(0),
  nonce: null,
  nonceAt: [],
  bytes: 256,
};

export function createPageCache(opts: PageCacheOptions): PageCache {
  const now = opts.now ?? Date.now;
  const versionTtlMs = opts.versionTtlMs ?? 200;
  const maxEntryBytes = Math.max(1, Math.floor(opts.maxBytes / 4));
  const entries = new Map<string, Entry>(); // insertion order = least recently used first
  const inflight = new Map<string, Promise<Entry | null>>();
  const counts = { hit: 0, miss: 0, bypass: 0 };
  let bytes = 0;
  let version: { value: Promise<string | null>; at: number } | null = null;

  function currentVersion(): Promise<string | null> {
    const t = now();
    // A failed read (null) is kept for the same time as a good one: while the database is down, requests go
    // straight to the app (and its error page) instead of each waiting for a read of its own to fail first.
    if (!version || t - version.at >= versionTtlMs) version = { value: opts.dataVersion().catch(() => null), at: t };
    return version.value;
  }

  function remember(entry: Entry): void {
    const old = entries.get(entry.key);
    if (old) {
      entries.delete(entry.key);
      bytes -= old.bytes;
    }
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    for (const [key, e] of entries) {
      if (bytes <= opts.maxBytes) break;
      entries.delete(key);
      bytes -= e.bytes;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    const count = (result: "hit" | "miss" | "bypass") => {
      counts[result]++;
      if (opts.observe) res.once("finish", () => opts.observe?.({ result, req, seconds: (performance.now() - started) / 1000 }));
    };
    const method = req.method ?? "GET";
    if (!READS.has(method)) {
      // A write: once it is answered, the next read looks at the database's version again.
      res.once("finish", () => (version = null));
      res.once("close", () => (version = null));
      count("bypass");
      await render();
      return;
    }
    const path = req.url ?? "/";
    if (opts.maxBytes <= 0 || method !== "GET" || NEVER.test(path) || req.headers.authorization) {
      count("bypass");
      await render();
      return;
    }
    const dataVersion = await currentVersion();
    if (dataVersion === null) {
      count("bypass");
      await render();
      return;
    }
    const key = keyOf(req);
    const cached = entries.get(key);
    if (cached && cached.version === dataVersion && now() - cached.storedAt < opts.maxAgeMs) {
      entries.delete(key);
      entries.set(key, cached);
      if (cached.status === 0) {
        // Rendered before and not one to keep (an error, a cookie, a download): render, without waiting.
        count("bypass");
        await render();
        return;
      }
      count("hit");
      await answer(req, res, cached);
      return;
    }
    const flightKey = `${key} ${dataVersion}`;
    const pending = inflight.get(flightKey);
    if (pending) {
      const entry = await pending;
      if (entry) {
        count("hit");
        await answer(req, res, entry);
        return;
      }
    }
    count("miss");
    const captured = capture({ req, res, key, version: dataVersion, maxEntryBytes, storedAt: now() });
    if (!pending) inflight.set(flightKey, captured);
    const storedAt = now();
    void captured.then((entry) => {
      if (inflight.get(flightKey) === captured) inflight.delete(flightKey);
      remember(entry ?? { ...UNKEPT, key, version: dataVersion, storedAt });
    });
    res.setHeader("x-dozen-page-cache", "miss");
    await render();
  }

  return {
    handle,
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}

function keyOf(req: IncomingMessage): string {
  const hash = createHash("sha256").update(req.url ?? "/");
  for (const name of VARY) {
    const value = req.headers[name];
    hash.update(`\n${name}:${Array.isArray(value) ? value.join(",") : (value ?? "")}`);
  }
  return hash.digest("base64url");
}

/**
 * Tees what the render writes into an entry, resolved once the answer is complete (null when it is not one to
 * keep). The render is asked for an uncompressed answer (compression happens when answering from the cache),
 * so the stored body can get its new nonce.
 */
function capture(opts: {
  req: IncomingMessage;
  res: ServerResponse;
  key: string;
  version: string;
  maxEntryBytes: number;
  storedAt: number;
}): Promise<Entry | null> {
  const { req, res } = opts;
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  let size = 0;
  let keep = true;
  const headOf: OutgoingHttpHeaders = {};
  const take = (chunk: unknown, encoding?: unknown) => {
    if (!keep || chunk == null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : null;
    if (!buffer) {
      keep = false;
      return;
    }
    size += buffer.length;
    if (size > opts.maxEntryBytes) {
      keep = false;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    take(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  (res as { end: unknown }).end = (chunk?: unknown, ...rest: unknown[]) => {
    take(chunk, rest[0]);
    return end(chunk, ...rest);
  };
  (res as { writeHead: unknown }).writeHead = (status: unknown, ...rest: unknown[]) => {
    const headers = rest.find((r) => r !== null && typeof r === "object");
    if (Array.isArray(headers)) keep = false;
    else if (headers) Object.assign(headOf, headers);
    return writeHead(status, ...rest);
  };
  return new Promise((resolve) => {
    res.once("close", () => resolve(null));
    res.once("finish", () => {
      const headers = { ...res.getHeaders(), ...lowerCased(headOf) };
      const type = String(headers["content-type"] ?? "");
      if (!keep || res.statusCode !== 200 || headers["set-cookie"] || headers["content-encoding"] || !CACHEABLE_TYPE.test(type)) {
        resolve(null);
        return;
      }
      const body = Buffer.concat(chunks);
      const nonce = /'nonce-([^']+)'/.exec(String(headers["content-security-policy"] ?? ""))?.[1] ?? null;
      resolve({
        key: opts.key,
        version: opts.version,
        storedAt: opts.storedAt,
        status: 200,
        headers: Object.entries(headers)
          .filter(([name, value]) => !DROP.has(name) && value !== undefined)
          .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]),
        body,
        nonce,
        nonceAt: nonce ? positionsOf(body, Buffer.from(nonce)) : [],
        bytes: body.length + 512,
      });
    });
  });
}

function lowerCased(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function positionsOf(body: Buffer, needle: Buffer): number[] {
  const at: number[] = [];
  for (let i = body.indexOf(needle); i !== -1; i = body.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/** The stored answer with a nonce of its own, compressed when the client takes gzip. */
async function answer(req: IncomingMessage, res: ServerResponse, entry: Entry): Promise<void> {
  const nonce = entry.nonce ? newNonce() : null;
  let body = entry.body;
  if (nonce && entry.nonce && entry.nonceAt.length > 0) {
    const parts: Buffer[] = [];
    const fresh = Buffer.from(nonce);
    let from = 0;
    for (const at of entry.nonceAt) {
      parts.push(entry.body.subarray(from, at), fresh);
      from = at + entry.nonce.length;
    }
    parts.push(entry.body.subarray(from));
    body = Buffer.concat(parts);
  }
  const gzipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024;
  if (gzipped) body = await gzipAsync(body, { level: 6 });
  res.statusCode = entry.status;
  for (const [name, value] of entry.headers) {
    res.setHeader(name, name === "content-security-policy" && nonce && entry.nonce ? String(value).replaceAll(entry.nonce, nonce) : value);
  }
  if (gzipped) {
    res.setHeader("content-encoding", "gzip");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
  res.setHeader("content-length", body.length);
  res.setHeader("x-dozen-page-cache", "hit");
  res.end(body);
}
