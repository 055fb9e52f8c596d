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

test("[TEAMS] a team page leads from what to fix to the services failing it, and places the team in the fleet", async ({ page }) => {
  await page.goto("/teams/team-commerce");
  await expect(page.getByTestId("team-rank")).toHaveText(/^rank \d+ of \d+ teams$/);
  await expect(page.getByTestId("team-fleet-score")).toHaveText(/^fleet average \d+(\.\d)?$/);

  // The first fix-first item: its heatmap link shows exactly the team's services failing that check.
  const first = page.getByTestId("fix-first").locator("li").first();
  const named = (await first.getByTestId("fix-first-services").innerText()).replace(/^\d+ services?: /, "").split(", ");
  await first.getByTestId("fix-first-failing").click();
  await expect(page).toHaveURL(/\/\?team=team-commerce&check=[A-Za-z]+$/);
  const rows = page.getByTestId("service-row").getByRole("rowheader");
  await expect(rows).toHaveCount(named.length);
  expect((await rows.allInnerTexts()).map((n) => n.trim()).sort()).toEqual(named.sort());

  // A factor tile leads to the team's services failing that factor.
  await page.goto("/teams/team-commerce");
  await page.getByTestId("team-factor").filter({ hasText: "Config" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/\?team=team-commerce&factor=config$/);
  await expect(page.getByLabel("Failing factor")).toHaveValue("config");

  // The team's findings as CSV: one line per finding of its services.
  await page.goto("/teams/team-commerce");
  const csv = await (
    await page.request.get((await page.getByRole("link", { name: "Export findings CSV" }).getAttribute("href")) ?? "")
  ).text();
  const services = new Set(
    csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]),
  );
  expect([...services].sort()).toEqual(["cart-api", "catalog-api", "inventory-sync", "order-worker"]);
  await expectNoSeriousA11yViolations(page);
});
