import { test, expect } from "@playwright/test";
import { startOwnWeb } from "@/e2e/support/start-own-web";

// Issue 17: a service page was 430 KB because every remediation guide was rendered and highlighted into it,
// even collapsed. Guides now load when a finding is opened; the page itself stays small.
test("[SERVICE] a service with 60 findings is at most 100 KB of HTML, and its guides load when opened", async ({ page }) => {
  test.setTimeout(240_000);
  const web = await startOwnWeb({ seed: "e2e/support/seed-sixty-findings.ts" });
  try {
    const { slug, findings } = JSON.parse(web.seeded.trim().split("\n").at(-1)!) as { slug: string; findings: number };
    expect(findings).toBeGreaterThanOrEqual(60);
    const response = await page.request.get(`${web.base}/services/${slug}`);
    expect(response.status()).toBe(200);
    const html = await response.body();
    console.log(`service page with ${findings} findings: ${(html.length / 1024).toFixed(1)} KB of HTML`);
    expect(html.length, `the page is ${(html.length / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(100 * 1024);

    await page.goto(`${web.base}/services/${slug}`);
    await expect(page.getByTestId("finding")).toHaveCount(findings);
    // No guide is in the page until one is opened.
    await expect(page.getByTestId("remediation-guide")).toHaveCount(0);
    const port = page.locator('[data-rule="readsPortFromEnv"]');
    await port.getByText("How to fix").click();
    await expect(port.getByTestId("remediation-guide")).toContainText("process.env.PORT");
  } finally {
    await web.stop();
  }
});
