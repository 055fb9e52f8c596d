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
});
