import https from "node:https";
import type { AddressInfo } from "node:net";
import { makeTlsCert } from "@/test/kubernetes/make-tls-cert";
import { KINDS, apiVersionOf, type KindInfo } from "@/test/kubernetes/kinds";
import { matchLabelSelector } from "@/test/kubernetes/match-label-selector";
import { serveDiscovery } from "@/test/kubernetes/serve-discovery";
import { validateObject } from "@/test/kubernetes/validate-object";

/** A Kubernetes object as stored: list-item shape (no apiVersion/kind), metadata.namespace and name set. */
export type KubeObject = Record<string, unknown> & {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [field: string]: unknown };
};

export interface StandInRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string;
  status: number;
  /** The response body as sent; only kept with `recordBodies`. */
  body?: string;
}

export interface StandIn {
  url: string;
  token: string;
  /** PEM certificate of the stand-in (self-signed): clients trust it as their CA. */
  ca: string;
  requests: StandInRequest[];
  /** Makes the next `count` requests that carry a continue token fail with 410 Gone (token expired). */
  expireContinues(count: number): void;
  /** Answers 403 for every request on this resource (e.g. "secrets"), as RBAC without the verb would. */
  forbid(resource: string): void;
  /** Answers 500 InternalError for every request on this resource (an apiserver whose etcd is failing). */
  breakResource(resource: string): void;
  /**
   * Answers every list of this resource with 200 and a body that never ends (a space every 200 ms): a
   * request with an idle timeout never times out, only a bound on the whole collection stops it.
   */
  stall(resource: string): void;
  /** A kubeconfig (YAML) whose one context, `name`, points at the stand-in with its token. */
  kubeconfig(name?: string): string;
  close(): Promise<void>;
}

/**
 * A stand-in Kubernetes API server over HTTPS for the real clients (@kubernetes/client-node, kubectl):
 * discovery, list/get for the kinds Dozen reads with label selectors, limit/continue paging with 410
 * expiry, partial object metadata, and Status errors 401/403/404. Every object is validated against the
 * official schema when loaded (`validate: false` only for the benchmark's generated cluster).
 */
export async function startStandIn(opts: {
  objects: Partial<Record<string, KubeObject[]>>;
  token?: string;
  validate?: boolean;
  recordBodies?: boolean;
}): Promise<StandIn> {
  const token = opts.token ?? "dozen-stand-in-token";
  const store = new Map<string, KubeObject[]>();
  for (const info of KINDS) {
    const items = [...(opts.objects[info.resource] ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
    if (opts.validate !== false) for (const object of items) validateObject({ apiVersion: apiVersionOf(info), kind: info.kind, object });
    store.set(info.resource, items);
  }
  const requests: StandInRequest[] = [];
  const forbidden = new Set<string>();
  const broken = new Set<string>();
  const stalled = new Set<string>();
  let expiring = 0;

  const tls = makeTlsCert();
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const accept = req.headers.accept ?? "";
    const send = (status: number, body: unknown, contentType = "application/json") => {
      const text = JSON.stringify(body);
      requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        accept,
        status,
        ...(opts.recordBodies ? { body: text } : {}),
      });
      res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, status(401, "Unauthorized", "Unauthorized"));
    const discovery = serveDiscovery({ path: url.pathname, accept });
    if (discovery) return send(200, discovery.body, discovery.contentType);
    const route = parseRoute(url.pathname);
    if (!route || req.method !== "GET") return send(404, status(404, "NotFound", "the server could not find the requested resource"));
    if (forbidden.has(route.info.resource)) {
      return send(
        403,
        status(
          403,
          "Forbidden",
          `${route.info.resource} is forbidden: User "dozen" cannot ${route.name ? "get" : "list"} resource "${route.info.resource}" in API group "${route.info.group}"`,
        ),
      );
    }
    if (stalled.has(route.info.resource)) {
      requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), accept, status: 200 });
      res.writeHead(200, { "content-type": "application/json" });
      const drip = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(drip));
      return;
    }
    if (broken.has(route.info.resource))
      return send(
        500,
        status(
          500,
          "InternalError",
          `an error on the server ("etcdserver: request timed out") has prevented the request from succeeding (get ${route.info.resource})`,
        ),
      );
    const partial = /as=PartialObjectMetadata/.test(accept);
    const all = (store.get(route.info.resource) ?? []).filter((o) => !route.namespace || o.metadata.namespace === route.namespace);
    if (route.name) {
      const found = all.find((o) => o.metadata.name === route.name);
      if (!found) return send(404, status(404, "NotFound", `${route.info.resource} "${route.name}" not found`));
      return send(
        200,
        partial ? metaOnly(found, "PartialObjectMetadata") : { apiVersion: apiVersionOf(route.info), kind: route.info.kind, ...found },
      );
    }
    const selector = url.searchParams.get("labelSelector");
    const items = selector ? all.filter((o) => matchLabelSelector({ selector, labels: o.metadata.labels })) : all;
    let offset = 0;
    const cont = url.searchParams.get("continue");
    if (cont) {
      if (expiring > 0) {
        expiring -= 1;
        return send(
          410,
          status(
            410,
            "Expired",
            "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
          ),
        );
      }
      offset = Number(Buffer.from(cont, "base64url").toString("utf8").split(":")[1] ?? "0");
    }
    const limit = Number(url.searchParams.get("limit") ?? "0");
    const page = limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
    const next =
      limit > 0 && offset + limit < items.length
        ? Buffer.from(`${route.info.resource}:${offset + limit}`).toString("base64url")
        : undefined;
    const metadata = { resourceVersion: "1000", ...(next ? { continue: next, remainingItemCount: items.length - offset - limit } : {}) };
    if (partial)
      return send(200, {
        apiVersion: "meta.k8s.io/v1",
        kind: "PartialObjectMetadataList",
        metadata,
        items: page.map((o) => metaOnly(o, "PartialObjectMetadata")),
      });
    send(200, { apiVersion: apiVersionOf(route.info), kind: `${route.info.kind}List`, metadata, items: page });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    ca: tls.cert,
    requests,
    expireContinues: (count) => {
      expiring += count;
    },
    forbid: (resource) => {
      forbidden.add(resource);
    },
    breakResource: (resource) => {
      broken.add(resource);
    },
    stall: (resource) => {
      stalled.add(resource);
    },
    kubeconfig: (name = "stand-in") => kubeconfigYaml({ name, url, token, ca: tls.cert }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function key(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

/** /api/v1[/namespaces/<ns>]/<resource>[/<name>] or /apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>]. */
function parseRoute(path: string): { info: KindInfo; namespace: string | null; name: string | null } | null {
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (!m) return null;
  const group = m[1] ?? "";
  const version = m[2] ?? "v1";
  const info = KINDS.find((k) => k.resource === m[4] && k.group === group && k.version === version);
  if (!info) return null;
  return { info, namespace: m[3] ?? null, name: m[5] ?? null };
}

function metaOnly(o: KubeObject, kind: string): unknown {
  return { apiVersion: "meta.k8s.io/v1", kind, metadata: o.metadata };
}

function status(code: number, reason: string, message: string): unknown {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

function kubeconfigYaml(opts: { name: string; url: string; token: string; ca: string }): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    `current-context: ${opts.name}`,
    "clusters:",
    `- name: ${opts.name}`,
    "  cluster:",
    `    server: ${opts.url}`,
    `    certificate-authority-data: ${Buffer.from(opts.ca).toString("base64")}`,
    "contexts:",
    `- name: ${opts.name}`,
    "  context:",
    `    cluster: ${opts.name}`,
    `    user: ${opts.name}`,
    "users:",
    `- name: ${opts.name}`,
    "  user:",
    `    token: ${opts.token}`,
    "",
  ].join("\n");
}
