import { expect, type APIRequestContext } from "@playwright/test";

/** Waits until the demo fleet's first scan has finished, so pages show real scores. */
export async function waitForFirstScan(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/scans?limit=1");
        const { scans } = (await res.json()) as { scans: { status: string }[] };
        return scans[0]?.status ?? "none";
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toMatch(/^(succeeded|partial)$/);
}
