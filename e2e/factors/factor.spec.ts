import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[FACTORS] a factor page explains the factor and names who fails its checks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Port binding" }).click();
  await expect(page).toHaveURL(/\/factors\/port-binding$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VII. Port binding");
  const check = page.getByTestId("factor-check").filter({ hasText: "readsPortFromEnv" });
  await expect(check).toContainText("admin-portal");
  await expect(check).toContainText("legacy-billing");
  await saveScreenshot(page, "factor");
  await expectNoSeriousA11yViolations(page);

  // Every service failing the check, in the heatmap with its check filter set (and shareable as a URL).
  const named = (await check.getByTestId("factor-check-failing").getByRole("link").allInnerTexts()).slice(0, -1).map((n) => n.trim());
  await check.getByRole("link", { name: "in the heatmap" }).click();
  await expect(page).toHaveURL(/\/\?check=readsPortFromEnv$/);
  await expect(page.getByLabel("Failing check")).toHaveValue("readsPortFromEnv");
  await expect(page.getByTestId("service-row").getByRole("rowheader")).toHaveText(named);
  await saveScreenshot(page, "overview-heatmap-check");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Failing check").selectOption("");
  await expect(page).toHaveURL(/\/$/);
  const { total } = (await (await page.request.get("/api/v1/services")).json()) as { total: number };
  await expect(page.getByTestId("service-row")).toHaveCount(total);
});
