import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";
import { FACTORS } from "@/lib/factors/factors";
import { SERVICE_KIND_LABEL, SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";
import { offsetCursor } from "@/lib/text/page-cursor";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

const rows = (page: Page) => page.getByTestId("service-row");
const names = async (page: Page) => (await rows(page).getByRole("rowheader").allInnerTexts()).map((n) => n.trim());
/**
 * The cells of one factor column, found as a screen reader pairs them: by their column's header (the one
 * sorting by that factor); a cell where no check applied reads "no score" and is returned as "–".
 */
const column = async (page: Page, factor: string) => {
  const id = FACTORS.find((f) => f.name === factor)!.id;
  const columns = await page.locator("table.heatmap thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column")));
  expect(columns, `a column headed ${factor}`).toContain(id);
  const texts = await rows(page)
    .locator(`td:nth-child(${columns.indexOf(id) + 1})`)
    .allInnerTexts();
  return texts.map((t) => (t.trim() === "no score" ? "–" : t.trim()));
};
/** The names of the services the API lists for a heatmap query (its first 100), and how many match. */
const fromApi = async (page: Page, query = "") => {
  const body = (await (await page.request.get(`/api/v1/services?limit=100${query ? `&${query}` : ""}`)).json()) as {
    total: number;
    items: { name: string }[];
  };
  return { total: body.total, names: body.items.map((r) => r.name) };
};

test("[OVERVIEW] filtering the heatmap by team and by a failing factor narrows the rows, lives in the URL and survives reload and back", async ({
  page,
}) => {
  // The demo fleet grows; what it holds is read from the API rather than counted here.
  const fleet = await fromApi(page);
  const commerce = await fromApi(page, "team=team-commerce");
  expect(commerce.names).toEqual(expect.arrayContaining(["cart-api", "catalog-api", "inventory-sync", "order-worker"]));
  expect(commerce.total).toBeLessThan(fleet.total);
  await page.goto("/");
  await expect(rows(page)).toHaveCount(fleet.total);
  await page.getByLabel("Team", { exact: true }).selectOption("team-commerce");
  await expect(page).toHaveURL(/\/\?team=team-commerce$/);
  await expect(rows(page)).toHaveCount(commerce.total);
  expect((await names(page)).sort()).toEqual([...commerce.names].sort());

  // What the API answers for the same URL state is what the table must come to show (web-first: the
  // assertions wait for the rows to arrive instead of reading whatever is on screen at the moment).
  const failing = (await fromApi(page, "team=team-commerce&factor=config")).names;
  expect(failing.length).toBeGreaterThan(0);
  expect(failing.length).toBeLessThan(commerce.total);
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
  await expect(rows(page)).toHaveCount(commerce.total);
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

  const { total } = await fromApi(page);
  expect(total).toBeLessThanOrEqual(50);
  await expect(page.getByTestId("heatmap-count")).toHaveText(new RegExp(`Showing 1–${total} of ${total} services`));
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.goto("/?sort=logs&dir=desc&page=2");
  await expect(page.getByTestId("heatmap-empty")).toContainText("past the last service");
  await page.getByRole("button", { name: "First page" }).click();
  await expect(page).toHaveURL(/\/\?sort=logs&dir=desc$/);
  await expect(rows(page)).toHaveCount(total);
});

test("[OVERVIEW] search narrows the heatmap; a search matching nothing offers to clear the filters", async ({ page }) => {
  const { total } = await fromApi(page);
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
  await expect(rows(page)).toHaveCount(total);
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
  const { total } = await fromApi(page);
  const pages = Math.ceil(total / 10);
  expect(pages).toBeGreaterThanOrEqual(2);
  await page.goto("/");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/\/\?size=10$/);
  await expect(page.getByTestId("heatmap-count")).toHaveText(new RegExp(`^Showing 1–10 of ${total} services`));
  await expect(rows(page)).toHaveCount(10);
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();

  const secondPage = await page.request.get(`/api/v1/services?limit=10&cursor=${offsetCursor(10)}`);
  const second = ((await secondPage.json()) as { items: { name: string }[] }).items.map((r) => r.name);
  expect(second).toHaveLength(Math.min(10, total - 10));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/\?page=2&size=10$/);
  await expect(page.getByTestId("heatmap-count")).toHaveText(new RegExp(`^Showing 11–${10 + second.length} of ${total} services`));
  await expect(rows(page).getByRole("rowheader")).toHaveText(second);
  const next = page.getByRole("button", { name: "Next" });
  await (pages === 2 ? expect(next).toBeDisabled() : expect(next).toBeEnabled());
  await saveScreenshot(page, "overview-heatmap-page-2");
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByLabel("Rows per page")).toHaveValue("10");
  await expect(rows(page).getByRole("rowheader")).toHaveText(second);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/\?size=10$/);
  await expect(rows(page)).toHaveCount(10);
});

test("[OVERVIEW] filtering by kind offers the fleet's kinds and shows only services of the one picked", async ({ page }) => {
  // What the demo fleet holds, as the API reads it: each live service with its kind.
  const all = (await (await page.request.get("/api/v1/services?limit=100")).json()) as {
    total: number;
    items: { name: string; kind: string | null }[];
  };
  expect(all.items).toHaveLength(all.total);
  const present = SERVICE_KIND_NAMES.filter((k) => all.items.some((r) => r.kind === k));
  const grpc = all.items.filter((r) => r.kind === "grpc").map((r) => r.name);
  expect(grpc.length).toBeGreaterThan(0);
  expect(grpc.length).toBeLessThan(all.total);

  await page.goto("/");
  const kind = page.getByLabel("Kind", { exact: true });
  await expect(kind.locator("option")).toHaveText(["All", ...present.map((k) => SERVICE_KIND_LABEL[k])]);
  await kind.selectOption("grpc");
  await expect(page).toHaveURL(/\/\?kind=grpc$/);
  await expect(rows(page)).toHaveCount(grpc.length);
  expect((await names(page)).sort()).toEqual([...grpc].sort());
  await expect(rows(page).getByTestId("service-kind")).toHaveText(grpc.map(() => "gRPC service"));
  await saveScreenshot(page, "overview-heatmap-kind");
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(kind).toHaveValue("grpc");
  await expect(rows(page)).toHaveCount(grpc.length);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(kind).toHaveValue("");
  await expect(rows(page)).toHaveCount(Math.min(all.total, 50));
});
