import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

const rows = (page: Page) => page.getByTestId("service-row");
const names = async (page: Page) => (await rows(page).getByRole("rowheader").allInnerTexts()).map((n) => n.trim());
/** The cells of one factor column, by the factor's name in their labels ("cart-api Config: 40"). */
const column = async (page: Page, factor: string) =>
  (
    await rows(page)
      .locator(`td[aria-label*=" ${factor}: "]`)
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("aria-label") ?? ""))
  ).map((label) => label.split(": ").pop() ?? "");

test("[OVERVIEW] filtering the heatmap by team and by a failing factor narrows the rows, lives in the URL and survives reload and back", async ({
  page,
}) => {
  await page.goto("/");
  await expect(rows(page)).toHaveCount(12);
  await page.getByLabel("Team", { exact: true }).selectOption("team-commerce");
  await expect(page).toHaveURL(/\/\?team=team-commerce$/);
  await expect(rows(page)).toHaveCount(4);
  expect((await names(page)).sort()).toEqual(["cart-api", "catalog-api", "inventory-sync", "order-worker"]);

  // What the API answers for the same URL state is what the table must come to show (web-first: the
  // assertions wait for the rows to arrive instead of reading whatever is on screen at the moment).
  const expected = (await (await page.request.get("/api/heatmap?team=team-commerce&factor=config")).json()) as { rows: { name: string }[] };
  const failing = expected.rows.map((r) => r.name);
  expect(failing.length).toBeGreaterThan(0);
  expect(failing.length).toBeLessThan(4);
  await page.getByLabel("Failing factor").selectOption("config");
  await expect(page).toHaveURL(/\/\?team=team-commerce&factor=config$/);
  await expect(rows(page).getByRole("rowheader")).toHaveText(failing);
  expect((await column(page, "Config")).every((score) => Number(score) < 100)).toBe(true);

  await page.reload();
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue("team-commerce");
  await expect(page.getByLabel("Failing factor")).toHaveValue("config");
  await expect(rows(page).getByRole("rowheader")).toHaveText(failing);
  await saveScreenshot(page, "overview-heatmap-filtered");
  await expectNoSeriousA11yViolations(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/\?team=team-commerce$/);
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByLabel("Failing factor")).toHaveValue("");
});

test("[OVERVIEW] clicking a factor column header sorts by it and says so; the pager leads back from past the end", async ({ page }) => {
  await page.goto("/");
  const header = page.locator('th[data-column="logs"]');
  await expect(header).toHaveAttribute("aria-sort", "none");
  await page.getByRole("button", { name: "Sort by XI. Logs" }).click();
  await expect(page).toHaveURL(/\/\?sort=logs$/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(page.locator('th[data-column="score"]')).toHaveAttribute("aria-sort", "none");
  const scored = (values: string[]) => values.filter((v) => v !== "–" && v !== "").map(Number);
  await expect(async () => {
    const asc = scored(await column(page, "Logs"));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  }).toPass();
  // Keyboard: the same header button reverses the order from the keyboard.
  await page.getByRole("button", { name: "Sort by XI. Logs" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?sort=logs&dir=desc$/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(async () => {
    const desc = scored(await column(page, "Logs"));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  }).toPass();
  await saveScreenshot(page, "overview-heatmap-sorted");
  await expectNoSeriousA11yViolations(page);

  await expect(page.getByTestId("heatmap-count")).toHaveText(/Showing 1–12 of 12 services/);
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.goto("/?sort=logs&dir=desc&page=2");
  await expect(page.getByTestId("heatmap-empty")).toContainText("past the last service");
  await page.getByRole("button", { name: "First page" }).click();
  await expect(page).toHaveURL(/\/\?sort=logs&dir=desc$/);
  await expect(rows(page)).toHaveCount(12);
});

test("[OVERVIEW] search narrows the heatmap; a search matching nothing offers to clear the filters", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Search").fill("api");
  await expect(page).toHaveURL(/\/\?q=api$/);
  await expect(async () => {
    const found = await names(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((n) => n.includes("api"))).toBe(true);
  }).toPass();
  await page.getByLabel("Search").fill("no-such-service");
  await expect(page.getByTestId("heatmap-empty")).toContainText("No services match these filters.");
  await saveScreenshot(page, "overview-heatmap-empty");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(rows(page)).toHaveCount(12);
  await expect(page.getByLabel("Search")).toHaveValue("");
});

test("[OVERVIEW] the biggest movers over 7 and 30 days and the worst services are shown", async ({ page }) => {
  await page.goto("/");
  const movers = page.getByRole("region", { name: "Biggest movers" });
  for (const days of [7, 30]) {
    const window = movers.getByTestId(`movers-${days}`);
    await expect(window.getByRole("heading", { name: `Last ${days} days` })).toBeVisible();
    await expect(window.getByRole("heading", { name: "Got worse" })).toBeVisible();
    await expect(window.getByRole("heading", { name: "Got better" })).toBeVisible();
  }
  // The worst services are the heatmap's first rows when it is sorted worst first.
  const worst = (await page.getByTestId("worst-services").getByRole("link").allInnerTexts()).map((n) => n.trim());
  expect(worst).toHaveLength(5);
  expect(worst).toEqual((await names(page)).slice(0, 5));
  await saveScreenshot(page, "overview-movers");
  await expectNoSeriousA11yViolations(page);
});

test("[OVERVIEW] a smaller page size pages through the fleet; the pager, the rows and the URL agree", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/\/\?size=10$/);
  await expect(page.getByTestId("heatmap-count")).toHaveText(/^Showing 1–10 of 12 services/);
  await expect(rows(page)).toHaveCount(10);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();

  const second = ((await (await page.request.get("/api/heatmap?page=2&size=10")).json()) as { rows: { name: string }[] }).rows.map(
    (r) => r.name,
  );
  expect(second).toHaveLength(2);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/\?page=2&size=10$/);
  await expect(page.getByTestId("heatmap-count")).toHaveText(/^Showing 11–12 of 12 services/);
  await expect(rows(page).getByRole("rowheader")).toHaveText(second);
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await saveScreenshot(page, "overview-heatmap-page-2");
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByLabel("Rows per page")).toHaveValue("10");
  await expect(rows(page).getByRole("rowheader")).toHaveText(second);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/\?size=10$/);
  await expect(rows(page)).toHaveCount(10);
});
