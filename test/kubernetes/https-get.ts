import https from "node:https";

/** A GET trusting one CA (the stand-in's self-signed certificate), answering like fetch's Response. */
export function httpsGet(opts: {
  url: string;
  ca: string;
  headers: Record<string, string>;
}): Promise<{ status: number; text(): Promise<string>; json(): Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    https
      .get(opts.url, { ca: opts.ca, headers: opts.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, text: async () => body, json: async () => JSON.parse(body) as unknown });
        });
      })
      .on("error", reject);
  });
}
