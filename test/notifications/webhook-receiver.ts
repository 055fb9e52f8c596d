import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with. */
  status: number;
  /** `X-Dozen-Signature-256` checked against the receiver's secret: true, false (wrong or missing), or null without a secret. */
  signed: boolean | null;
}

/**
 * A real HTTP receiver on 127.0.0.1 standing in for Slack, Teams or a team's own endpoint: it records every
 * request, verifies the HMAC-SHA256 signature as a receiver would (constant-time, over the raw body; on the
 * paths matching `signedPaths`, all without it) and refuses a bad one with 401, and
 * answers `fail(n)` requests with 500 before accepting again, or `status` for all.
 */
export async function startWebhookReceiver(opts: { secret?: string; signedPaths?: RegExp } = {}) {
  const received: ReceivedHook[] = [];
  let failures = 0;
  let fixedStatus: number | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let signed: boolean | null = null;
      if (opts.secret && (!opts.signedPaths || opts.signedPaths.test(req.url ?? ""))) {
        const given = Buffer.from(String(req.headers["x-dozen-signature-256"] ?? ""));
        const expected = Buffer.from(`sha256=${createHmac("sha256", opts.secret).update(body).digest("hex")}`);
        signed = given.length === expected.length && timingSafeEqual(given, expected);
      }
      const status = fixedStatus ?? (failures > 0 ? (failures--, 500) : signed === false ? 401 : 200);
      received.push({ path: req.url ?? "/", headers: req.headers, body, status, signed });
      res.writeHead(status, status === 302 ? { location: "http://127.0.0.1:1/elsewhere" } : {}).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    /** The next `n` requests are answered 500. */
    fail(n: number) {
      failures = n;
    },
    /** Every request is answered `status` (null: back to normal). */
    answer(status: number | null) {
      fixedStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
