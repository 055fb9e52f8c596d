import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[SOURCES] scan now queues a scan that the workers finish", async ({ page, request }) => {
  await page.goto("/sources");
  const row = page.getByTestId("source-row").filter({ hasText: "demo-fleet" });
  await expect(row).toContainText("12");
  await saveScreenshot(page, "sources");
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("button", { name: /scan now: demo-fleet/i }).click();
  await expect(row.getByRole("status")).toHaveText(/Scan #\d+ (queued|already running)/);
  const scanId = Number((await row.getByRole("status").innerText()).match(/#(\d+)/)?.[1]);
  await expect
    .poll(
      async () => {
        const { scans } = (await (await request.get("/api/scans?limit=5")).json()) as { scans: { id: number; status: string }[] };
        return scans.find((s) => s.id === scanId)?.status;
      },
      { timeout: 60_000 },
    )
    .toBe("succeeded");
});

test("[SCANS] scan history shows finished scans with their targets", async ({ page }) => {
  await page.goto("/scans");
  const first = page.getByTestId("scan-row").last();
  await expect(first).toContainText("demo-fleet");
  await expect(first).toContainText("12/12");
  await saveScreenshot(page, "scans");
  await expectNoSeriousA11yViolations(page);
});
