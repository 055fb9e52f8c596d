import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import type { BareRepo } from "@/test/github/git-fixtures";
import { ownerBody, repoBody, type StandInRepo } from "@/test/github/repo-body";
import { createStandInApp, type StandInApp, type StandInAppOptions } from "@/test/github/stand-in-app";

const run = promisify(execFile);

/**
 * A fault the next matching requests get instead of their answer. `status: "timeout"` never answers in time;
 * `"stall"` (archives, `/_codeload/…`) answers 200 and then never sends the body.
 */
export interface Fault {
  path: RegExp;
  status: 403 | 429 | 500 | 502 | 503 | "timeout" | "stall";
  times: number;
  retryAfter?: number;
}

/** What the stand-in saw: every request, those that count against the primary limit, and concurrency. */
export interface StandInStats {
  requests: number;
  counted: number;
  notModified: number;
  codeload: number;
  /** API requests that came in under GitHub Enterprise Server's /api/v3 prefix. */
  enterprise: number;
  maxInFlight: number;
  /** Counted requests that arrived while the budget was 0 before its reset: a client bug. */
  sentAtZero: number;
  byRoute: Record<string, number>;
  /** Every API request's path, arrival time and (for injected faults) the status it got. */
  log: { path: string; at: number; fault?: Fault["status"] }[];
}

export interface StandIn {
  baseUrl: string;
  webUrl: string;
  /** GitHub Enterprise Server's shape of the same server: API under /api/v3, web pages at the host's root. */
  enterprise: { apiBaseUrl: string; webUrl: string };
  /** With `app`: the GitHub App's side (tokens issued, JWTs and tokens rejected). */
  app: StandInApp | null;
  stats: StandInStats;
  addRepo(opts: { owner: string; name: string; bare: BareRepo; archived?: boolean; fork?: boolean; topics?: string[] }): void;
  removeRepo(opts: { owner: string; name: string }): void;
  /** Marks a repository pushed (its listing entry changes, as GitHub's pushed_at does). */
  touchRepo(opts: { owner: string; name: string }): void;
  inject(fault: Fault): void;
  /** A broken or hostile listing: every page of `owner`'s repositories says `rel="next"`, forever. */
  listEndlessly(opts: { owner: string }): void;
  /** A hostile archive: the repository's tarball is these gzip bytes (a bomb, say) instead of `git archive`'s. */
  serveArchive(opts: { owner: string; name: string; gzip: Buffer }): void;
  setRateLimit(opts: { remaining: number; resetInSeconds: number; limit?: number }): void;
  resetStats(): void;
  close(): Promise<void>;
}

const PER_PAGE_MAX = 100;

/**
 * A stand-in for GitHub's REST API backed by real bare git repositories: org listing with Link pagination,
 * repos/get, commits/{ref} (sha media type, strong ETag, 304), tarball with GitHub's 302 to a codeload-like
 * URL served by `git archive`, /rate_limit, rate-limit headers, injectable faults and per-request latency.
 * Every route is also served under /api/v3 as GitHub Enterprise Server does, with URLs in bodies pointing
 * at that API and at the host's web root. With `app`, it is an app-only GitHub: app JWTs are verified,
 * installation tokens issued, and every other request needs a live one (401 otherwise).
 */
export async function startStandIn(
  opts: {
    latencyMs?: number;
    rateLimit?: number;
    app?: StandInAppOptions;
    /** A hostile or misconfigured GitHub: tarballs redirect to this origin instead of the stand-in's own codeload. */
    tarballRedirectOrigin?: string;
  } = {},
): Promise<StandIn> {
  const repos = new Map<string, StandInRepo & { bare: BareRepo }>();
  const faults: Fault[] = [];
  const endless = new Set<string>();
  const archives = new Map<string, Buffer>();
  const limit = { limit: opts.rateLimit ?? 5000, remaining: opts.rateLimit ?? 5000, reset: Math.floor(Date.now() / 1000) + 3600 };
  const fresh = (): StandInStats => ({
    requests: 0,
    counted: 0,
    notModified: 0,
    codeload: 0,
    enterprise: 0,
    maxInFlight: 0,
    sentAtZero: 0,
    byRoute: {},
    log: [],
  });
  let stats = fresh();
  let inFlight = 0;
  let nextId = 1;
  let base = "";
  const app = opts.app ? createStandInApp(opts.app) : null;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      // Not an injected fault: the stand-in itself broke (a git command under a loaded machine, say). Said on
      // stderr, so a test that then sees "GitHub answered 500" can be told from a real regression.
      console.error(`GitHub stand-in: ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { message: String(error) });
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    stats.requests++;
    if (url.pathname.startsWith("/_codeload/")) return codeload(url, res);
    // GHES: the same API under /api/v3, whose bodies link to that API and to the host's web pages.
    const enterprise = url.pathname.startsWith("/api/v3/");
    if (enterprise) {
      stats.enterprise++;
      url.pathname = url.pathname.slice("/api/v3".length);
    }
    const urls = { api: enterprise ? `${base}/api/v3` : base, web: enterprise ? base : webUrl() };
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    if (opts.latencyMs) await sleep(opts.latencyMs);
    const fault = faults.find((f) => f.times > 0 && f.path.test(url.pathname));
    stats.log.push({ path: url.pathname, at: Date.now(), ...(fault ? { fault: fault.status } : {}) });
    if (fault) {
      fault.times--;
      if (fault.status === "timeout" || fault.status === "stall") return void setTimeout(() => res.destroy(), 60_000).unref();
      const message = fault.status === 403 || fault.status === 429 ? "You have exceeded a secondary rate limit." : "Server Error";
      return send(
        res,
        fault.status,
        { message, documentation_url: "https://docs.github.com/rest" },
        fault.retryAfter ? { "retry-after": String(fault.retryAfter) } : {},
      );
    }
    const route = routeOf(url.pathname);
    stats.byRoute[route.name] = (stats.byRoute[route.name] ?? 0) + 1;
    if (route.name === "rate_limit") return send(res, 200, rateLimitBody());
    if (app) {
      // The app's own endpoints take its JWT and count against the app, not the installation's budget.
      if (APP_ROUTES.has(route.name)) {
        const denied = app.verifyJwt(req.headers.authorization);
        if (denied) return send(res, denied.status, denied.body);
        return answerApp(route, res, urls, req.method ?? "GET");
      }
      const denied = app.checkToken(req.headers.authorization);
      if (denied) return send(res, denied.status, denied.body);
    }
    const now = Math.floor(Date.now() / 1000);
    if (now >= limit.reset) Object.assign(limit, { remaining: limit.limit, reset: now + 3600 });
    if (limit.remaining <= 0) {
      stats.sentAtZero++;
      return send(
        res,
        403,
        { message: "API rate limit exceeded for user.", documentation_url: "https://docs.github.com/rest" },
        rateHeaders(),
      );
    }
    const answer = await answerFor(route, url, req, urls);
    const etag = `"${createHash("sha1").update(answer.text).update(String(req.headers.accept)).digest("hex")}"`;
    if (answer.status === 200 && req.headers["if-none-match"] === etag) {
      stats.notModified++;
      res.writeHead(304, { etag, ...rateHeaders() });
      return void res.end();
    }
    stats.counted++;
    limit.remaining--;
    res.writeHead(answer.status, { "content-type": answer.type, etag, ...answer.headers, ...rateHeaders() });
    res.end(answer.text);
  }

  async function answerFor(
    route: ReturnType<typeof routeOf>,
    url: URL,
    req: IncomingMessage,
    urls: { api: string; web: string },
  ): Promise<{ status: number; type: string; text: string; headers?: Record<string, string> }> {
    const json = (status: number, body: unknown, headers?: Record<string, string>) => ({
      status,
      type: "application/json; charset=utf-8",
      text: JSON.stringify(body),
      headers,
    });
    const notFound = json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    const [owner = "", name = "", ref = ""] = route.params;
    const repo = repos.get(`${owner}/${name}`.toLowerCase());
    if (route.name === "org_repos") {
      const all = [...repos.values()]
        .filter((r) => r.owner.toLowerCase() === owner.toLowerCase())
        .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
      const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30) || 30, PER_PAGE_MAX);
      const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
      const last = Math.max(Math.ceil(all.length / perPage), 1);
      const items = all.slice((page - 1) * perPage, page * perPage).map((r) => repoBody({ repo: r, ...urls }));
      const link = (p: number, rel: string) => `<${urls.api}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      if (endless.has(owner.toLowerCase())) return json(200, items.slice(0, 1), { link: link(page + 1, "next") });
      const links = [
        page < last ? link(page + 1, "next") : "",
        page < last ? link(last, "last") : "",
        page > 1 ? link(1, "first") : "",
        page > 1 ? link(page - 1, "prev") : "",
      ].filter(Boolean);
      return json(200, items, links.length ? { link: links.join(", ") } : {});
    }
    if (!repo) return notFound;
    if (route.name === "repo") return json(200, repoBody({ repo, ...urls, full: true }));
    const sha = await resolve(repo.bare, ref);
    if (!sha) return json(422, { message: `No commit found for SHA: ${ref}`, documentation_url: "https://docs.github.com/rest" });
    if (route.name === "commit") {
      if (!String(req.headers.accept).includes("application/vnd.github.sha"))
        return json(415, { message: "stand-in serves commits only as application/vnd.github.sha" });
      return { status: 200, type: "application/vnd.github.sha; charset=utf-8", text: sha };
    }
    if (route.name === "tarball")
      return {
        status: 302,
        type: "text/html",
        text: "",
        headers: { location: `${opts.tarballRedirectOrigin ?? base}/_codeload/${repo.owner}/${repo.name}/legacy.tar.gz/${sha}` },
      };
    return notFound;
  }

  function answerApp(route: ReturnType<typeof routeOf>, res: ServerResponse, urls: { api: string; web: string }, method: string): void {
    const a = app as StandInApp;
    const notFound = { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" };
    if (route.name === "access_tokens") {
      const id = Number(route.params[0]);
      if (method !== "POST" || !a.owners().some((o) => a.installationFor(o) === id)) return send(res, 404, notFound);
      const { token, expiresAt } = a.issueToken(id);
      return send(res, 201, {
        token,
        expires_at: expiresAt,
        permissions: { contents: "read", metadata: "read" },
        repository_selection: "all",
      });
    }
    const owner = route.params[0] ?? "";
    const id = a.installationFor(owner);
    if (id === null) return send(res, 404, notFound);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    send(res, 200, {
      id,
      app_id: a.appId,
      app_slug: "dozen-scanner",
      client_id: "Iv1.standin0000000000",
      target_id: 1000,
      target_type: route.name === "org_installation" ? "Organization" : "User",
      account: ownerBody({ login: owner, ...urls }),
      repository_selection: "all",
      access_tokens_url: `${urls.api}/app/installations/${id}/access_tokens`,
      repositories_url: `${urls.api}/installation/repositories`,
      html_url: `${urls.web}/organizations/${owner}/settings/installations/${id}`,
      permissions: { contents: "read", metadata: "read" },
      events: [],
      created_at: now,
      updated_at: now,
      single_file_name: null,
      suspended_by: null,
      suspended_at: null,
    });
  }

  async function codeload(url: URL, res: ServerResponse): Promise<void> {
    stats.codeload++;
    const [, , owner = "", name = "", , sha = ""] = url.pathname.split("/");
    const repo = repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo || !/^[0-9a-f]{40}$/.test(sha)) return send(res, 404, { message: "Not Found" });
    const prefix = `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
    res.writeHead(200, { "content-type": "application/x-gzip", "content-disposition": `attachment; filename=${prefix}.tar.gz` });
    const archive = archives.get(`${owner}/${name}`.toLowerCase());
    if (archive) return void res.end(archive);
    const stall = faults.find((f) => f.times > 0 && f.status === "stall" && f.path.test(url.pathname));
    if (stall) {
      stall.times--;
      return void res.flushHeaders();
    }
    const child = spawn("git", ["--git-dir", repo.bare.gitDir, "archive", "--format=tar.gz", `--prefix=${prefix}/`, sha]);
    child.stdout.pipe(res);
    res.on("close", () => child.kill());
  }

  function rateHeaders(): Record<string, string> {
    return {
      "x-ratelimit-limit": String(limit.limit),
      "x-ratelimit-remaining": String(Math.max(limit.remaining, 0)),
      "x-ratelimit-reset": String(limit.reset),
      "x-ratelimit-used": String(limit.limit - limit.remaining),
      "x-ratelimit-resource": "core",
    };
  }
  function rateLimitBody(): unknown {
    const core = { limit: limit.limit, remaining: Math.max(limit.remaining, 0), reset: limit.reset, used: limit.limit - limit.remaining };
    return { resources: { core, search: { limit: 30, remaining: 30, reset: limit.reset, used: 0 } }, rate: core };
  }
  function webUrl(): string {
    return `${base}/_web`;
  }

  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Trusted as an admin would trust a GitHub Enterprise Server: sources may send their credentials here.
  const hosts = (process.env.DOZEN_GITHUB_HOSTS ?? "api.github.com").split(",").filter(Boolean);
  process.env.DOZEN_GITHUB_HOSTS = [...hosts, new URL(base).host].join(",");
  return {
    baseUrl: base,
    webUrl: webUrl(),
    enterprise: { apiBaseUrl: `${base}/api/v3`, webUrl: base },
    app,
    get stats() {
      return stats;
    },
    addRepo({ owner, name, bare, archived = false, fork = false, topics = [] }) {
      repos.set(`${owner}/${name}`.toLowerCase(), {
        id: nextId++,
        owner,
        name,
        defaultBranch: "main",
        archived,
        fork,
        topics,
        pushedAt: new Date().toISOString(),
        bare,
      });
    },
    removeRepo({ owner, name }) {
      repos.delete(`${owner}/${name}`.toLowerCase());
    },
    touchRepo({ owner, name }) {
      const repo = repos.get(`${owner}/${name}`.toLowerCase());
      if (repo) repo.pushedAt = new Date(Date.now() + nextId++).toISOString();
    },
    inject(fault) {
      faults.push({ ...fault });
    },
    listEndlessly({ owner }) {
      endless.add(owner.toLowerCase());
    },
    serveArchive({ owner, name, gzip }) {
      archives.set(`${owner}/${name}`.toLowerCase(), gzip);
    },
    setRateLimit({ remaining, resetInSeconds, limit: max }) {
      Object.assign(limit, { remaining, reset: Math.floor(Date.now() / 1000) + resetInSeconds, limit: max ?? limit.limit });
    },
    resetStats() {
      stats = fresh();
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const APP_ROUTES = new Set(["org_installation", "user_installation", "access_tokens"]);

function routeOf(path: string): { name: string; params: string[] } {
  const patterns: [string, RegExp][] = [
    ["rate_limit", /^\/rate_limit$/],
    ["org_repos", /^\/orgs\/([^/]+)\/repos$/],
    ["org_repos", /^\/users\/([^/]+)\/repos$/],
    ["repo", /^\/repos\/([^/]+)\/([^/]+)$/],
    ["commit", /^\/repos\/([^/]+)\/([^/]+)\/commits\/(.+)$/],
    ["tarball", /^\/repos\/([^/]+)\/([^/]+)\/tarball(?:\/(.+))?$/],
    ["org_installation", /^\/orgs\/([^/]+)\/installation$/],
    ["user_installation", /^\/users\/([^/]+)\/installation$/],
    ["access_tokens", /^\/app\/installations\/(\d+)\/access_tokens$/],
  ];
  for (const [name, re] of patterns) {
    const m = re.exec(path);
    if (m) return { name, params: m.slice(1).map((p) => decodeURIComponent(p ?? "")) };
  }
  return { name: "unknown", params: [] };
}

async function resolve(bare: BareRepo, ref: string): Promise<string | null> {
  try {
    const { stdout } = await run("git", ["--git-dir", bare.gitDir, "rev-parse", "--verify", "--quiet", `${ref || "HEAD"}^{commit}`]);
    return stdout.trim();
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}
