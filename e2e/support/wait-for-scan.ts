import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Waits until the demo fleet's first scan has finished, so pages show real scores. It looks for that scan
 * (the oldest of demo-fleet), not the newest scan: specs add sources whose scans may fail on purpose.
 */
export async function waitForFirstScan(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/v1/scans?limit=200");
        const { items: scans } = (await res.json()) as { items: { source: string; status: string }[] };
        return scans.filter((s) => s.source === "demo-fleet").at(-1)?.status ?? "none";
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toMatch(/^(succeeded|partial)$/);
}
