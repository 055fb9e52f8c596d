import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[TEAMS] every owning team of the demo fleet is listed with a score", async ({ page }) => {
  await page.goto("/teams");
  const cards = page.getByTestId("team-card");
  await expect(cards.first()).toBeVisible();
  const names = await cards.locator("span.font-semibold").allInnerTexts();
  expect(names).toEqual(expect.arrayContaining(["team-payments", "team-commerce", "team-data"]));
  await saveScreenshot(page, "teams");
  await expectNoSeriousA11yViolations(page);
});

test("[TEAMS] a team page ranks what to fix first and lists only its services", async ({ page }) => {
  await page.goto("/teams/team-commerce");
  await expect(page.getByRole("heading", { name: "team-commerce" })).toBeVisible();
  const services = await page.getByTestId("service-row").getByRole("link").allInnerTexts();
  expect(services.sort()).toEqual(["cart-api", "catalog-api", "inventory-sync", "order-worker"]);
  await expect(page.getByTestId("fix-first").locator("li").first()).toBeVisible();
  await saveScreenshot(page, "team");
  await expectNoSeriousA11yViolations(page);
});

test("[TEAMS] a team page shows its score trend and factor breakdown from the rollups", async ({ page }) => {
  await page.goto("/teams/team-data");
  const trend = page.getByTestId("team-trend");
  await expect(trend.getByRole("heading", { name: "Score trend" })).toBeVisible();
  // One day of scans so far: the chart's box holds its place and says when the line appears.
  await expect(trend.getByRole("figure")).toHaveAttribute("aria-label", /team-data score: \d/);
  await expect(trend.getByRole("figure")).toBeVisible();
  await expect(page.getByRole("region", { name: "Factors" }).locator("li")).toHaveCount(15);
  await saveScreenshot(page, "team-trend");
  await expectNoSeriousA11yViolations(page);
});
