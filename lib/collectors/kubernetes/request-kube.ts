import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node/dist/config.js";
import { DozenError } from "@/lib/errors";

/**
 * A Kubernetes Status error (401, 403, 404, 410 …) with the server's reason (a StatusReason word such as
 * Unauthorized). Its message names the status and reason only, never the Status message or body: those
 * are the server's text, and a scan error is stored and shown.
 */
export class KubeApiError extends DozenError {
  public readonly reason: string;
  constructor(
    public readonly status: number,
    reason: string,
  ) {
    const word = /^[A-Za-z]{1,40}$/.test(reason) ? reason : "Unknown";
    super(`Kubernetes API answered ${status} ${word}`);
    this.name = "KubeApiError";
    this.reason = word;
  }
}

/** One cluster connection: authenticated GETs with client-node's credentials and TLS, counted. */
export interface KubeClient {
  cluster: string;
  requests: number;
  get(path: string, accept?: string): Promise<unknown>;
}

/**
 * Wraps a client-node KubeConfig (token, client certificates, exec plugins, CA) into a raw GET client.
 * Raw JSON instead of client-node's generated models: the models' deserialisation costs more than the
 * audit itself on big clusters, and partial object metadata needs its own Accept header.
 */
export async function createKubeClient(opts: { kc: KubeConfig; name: string }): Promise<KubeClient> {
  const server = opts.kc.getCurrentCluster()?.server;
  if (!server) throw new Error(`context "${opts.name}" has no cluster server`);
  const base = new URL(server);
  const client: KubeClient = {
    cluster: opts.name,
    requests: 0,
    async get(path, accept = "application/json") {
      // Re-applied per request: exec/OIDC credentials may refresh between pages.
      const options: https.RequestOptions = { headers: {} };
      await opts.kc.applyToHTTPSOptions(options);
      client.requests += 1;
      return send({ url: new URL(base.pathname.replace(/\/$/, "") + path, base), options, accept });
    },
  };
  return client;
}

function send(opts: { url: URL; options: https.RequestOptions; accept: string }): Promise<unknown> {
  const lib = opts.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      opts.url,
      { ...opts.options, method: "GET", headers: { ...opts.options.headers, accept: opts.accept } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
          if (status >= 200 && status < 300) return resolve(body);
          const s = (body ?? {}) as { reason?: unknown };
          reject(new KubeApiError(status, typeof s.reason === "string" ? s.reason : "Unknown"));
        });
      },
    );
    req.setTimeout(60_000, () => req.destroy(new DozenError(`timeout GET ${opts.url.pathname}`)));
    // Named by server, so a failed scan says which cluster could not be reached, not just "ECONNREFUSED".
    req.on("error", (error: NodeJS.ErrnoException) =>
      reject(new DozenError(`cannot reach the Kubernetes API at ${opts.url.origin} (${error.code ?? error.name})`, { cause: error })),
    );
    req.end();
  });
}
