import { test, expect } from "@playwright/test";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";
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
        const scan = (await (await request.get(`/api/v1/scans/${scanId}`)).json()) as { status: string };
        return scan.status;
      },
      { timeout: 60_000 },
    )
    .toBe("succeeded");
});

test("[SOURCES] deploy declarations that joined no service are listed under their source, collapsed", async ({ page }) => {
  await page.goto("/sources");
  const row = page.getByTestId("source-row").filter({ hasText: "demo-fleet" });
  const unmatched = row.getByTestId("unmatched-workloads");
  const summary = unmatched.locator("summary");
  await expect(summary).toHaveText(/^\d+ deploy declarations? matched no service$/);
  const count = Number((await summary.innerText()).match(/^\d+/)?.[0]);
  const items = unmatched.getByRole("listitem");
  await expect(items.first()).toBeHidden();
  await summary.click();
  await expect(items).toHaveCount(count);
  // `path:line (Kind/name, descriptor)`, e.g. a compose file's Redis that no service of the repository builds.
  for (const text of await items.allInnerTexts())
    expect(text.trim()).toMatch(/^\S+:\d+ \(\w+\/\S+, (kubernetes|kustomize|helm|compose)\)$/);
  await saveScreenshot(page, "sources-unmatched");
  await expectNoSeriousA11yViolations(page);
});

test("[SCANS] scan history shows finished scans with their targets", async ({ page }) => {
  // Every demo service is one target of the first scan (later specs may add sources, so not the heatmap's total).
  const total = FLEET_SERVICE_COUNT;
  await page.goto("/scans");
  const first = page.getByTestId("scan-row").last();
  await expect(first).toContainText("demo-fleet");
  await expect(first).toContainText(`${total} of ${total} targets`);
  await saveScreenshot(page, "scans");
  await expectNoSeriousA11yViolations(page);
});
