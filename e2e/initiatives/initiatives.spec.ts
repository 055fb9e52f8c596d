import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test.describe.configure({ mode: "serial" });

test("[INITIATIVES] an admin starts an initiative and sees its progress, what is left and who is late", async ({ page }) => {
  await page.goto("/initiatives");
  await expect(page.getByRole("heading", { name: "Initiatives", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New initiative" }).click();
  await expect(page.getByRole("heading", { name: "New initiative" })).toBeVisible();

  await page.getByLabel("Name").fill("Graceful shutdown");
  await page.getByLabel("Owner").fill("Platform guild");
  await page.getByLabel("Goal").selectOption("check");
  // A check the catalogue does not have is refused beside its field.
  await page.getByLabel("Check").fill("handlesSigterms");
  await page.getByLabel("Starts on (optional)").fill("2026-01-01");
  await page.getByLabel("Deadline").fill("2026-06-30");
  await page.getByRole("button", { name: "Start initiative" }).click();
  await expect(page.getByText("not a check of the catalogue")).toBeVisible();
  await expect(page.getByLabel("Check")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Check").fill("handlesSigterm");
  await page.getByRole("button", { name: "Start initiative" }).click();

  await expect(page).toHaveURL(/\/initiatives\/graceful-shutdown$/);
  await expect(page.getByRole("heading", { name: "Graceful shutdown", level: 1 })).toBeVisible();
  await expect(page.getByTestId("initiative-goal")).toContainText("passes handlesSigterm for the whole fleet");
  // Services of the demo fleet that fail the check are left, and their teams are late: the deadline is past.
  const left = page.getByTestId("initiative-left");
  await expect(left.filter({ hasText: "legacy-billing" })).toHaveCount(1);
  await expect(left.filter({ hasText: "payments-api" })).toHaveCount(0);
  await expect(page.getByTestId("late-teams").getByRole("listitem").first()).toContainText("after the deadline");
  await expect(page.getByRole("progressbar", { name: "Graceful shutdown: progress" })).toBeVisible();
  await expect(page.getByRole("figure")).toHaveAttribute("aria-label", /Share of services meeting the goal/);
  await saveScreenshot(page, "initiative");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/initiatives");
  await expect(page.getByRole("region", { name: /Late/ }).getByTestId("initiative")).toContainText("Graceful shutdown");
  await saveScreenshot(page, "initiatives");
  await expectNoSeriousA11yViolations(page);
});

test("[INITIATIVES] the overview lists active initiatives, linked to their page", async ({ page }) => {
  await page.goto("/");
  const section = page.getByTestId("active-initiatives");
  await expect(section).toContainText("Graceful shutdown");
  await section.getByRole("link", { name: "Graceful shutdown" }).click();
  await expect(page).toHaveURL(/\/initiatives\/graceful-shutdown$/);
});

test("[INITIATIVES] an admin edits the goal and closes the initiative; it leaves the overview", async ({ page }) => {
  await page.goto("/initiatives/graceful-shutdown");
  await page.getByRole("link", { name: "Edit" }).click();
  // The edit form, not the page it was opened from (which also says "Goal:").
  await expect(page).toHaveURL(/\/initiatives\/graceful-shutdown\/edit$/);
  await page.getByRole("combobox", { name: "Goal" }).selectOption("grade");
  await page.getByLabel("Lowest grade allowed").selectOption("D");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("initiative-goal")).toContainText("grade D or better");
  await page.getByRole("button", { name: "Close initiative" }).click();
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("fleet-score")).toBeVisible();
  await expect(page.getByTestId("active-initiatives")).toHaveCount(0);
});

test("[INITIATIVES] the pages fit a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/initiatives", "/initiatives/graceful-shutdown", "/initiatives/new"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
  }
  await saveScreenshot(page, "initiative-new-390");
});

test("[INITIATIVES] a service's declared tier is shown, filters the heatmap and scopes an initiative", async ({ page }) => {
  // payments-api declares dozen.dev/tier "1" in its catalog-info.yaml; no other demo service has a tier.
  await page.goto("/services/payments-api");
  await expect(page.getByTestId("service-tier")).toHaveText("Tier 1");
  await page.goto("/");
  await page.getByLabel("Tier", { exact: true }).selectOption("1");
  await expect(page).toHaveURL(/\/\?tier=1$/);
  await expect(page.getByTestId("service-row")).toHaveCount(1);
  await expect(page.getByTestId("service-row").getByRole("rowheader")).toContainText("payments-api");
  await expect(page.getByTestId("service-row").getByTestId("heatmap-tier")).toHaveText("Tier 1");

  await page.goto("/initiatives/new");
  await page.getByLabel("Name").fill("Tier 1 shuts down gracefully");
  await page.getByLabel("Owner").fill("Platform guild");
  await page.getByLabel("Goal").selectOption("check");
  await page.getByLabel("Check").fill("handlesSigterm");
  await page.getByLabel("Deadline").fill("2027-06-30");
  // A tier the form does not offer (a hand-edited request) is refused at the tiers, not silently dropped. The
  // value is edited after the click: React sets a checkbox's value back from its props on each change.
  await page.getByRole("checkbox", { name: "Tier 4" }).check();
  await page.getByRole("checkbox", { name: "Tier 4" }).evaluate((box: HTMLInputElement) => (box.value = "9"));
  await page.getByRole("button", { name: "Start initiative" }).click();
  await expect(page.locator("#initiative-tiers-hint")).toHaveText("a tier, 1 to 4");
  await expect(page).toHaveURL(/\/initiatives\/new$/);
  await page.getByRole("checkbox", { name: "Tier 4" }).uncheck();
  await page.getByRole("checkbox", { name: "Tier 1" }).check();
  await page.getByRole("button", { name: "Start initiative" }).click();
  await expect(page).toHaveURL(/\/initiatives\/tier-1-shuts-down-gracefully$/);
  await expect(page.getByTestId("initiative-goal")).toContainText("passes handlesSigterm for tier 1");
  // Only the tier-1 service is in scope: payments-api, which passes; nothing is left.
  await expect(page.getByTestId("initiative-team")).toHaveCount(1);
  await expect(page.getByTestId("initiative-team")).toContainText("team-payments");
  await expect(page.getByTestId("initiative-left")).toHaveCount(0);
  await saveScreenshot(page, "initiative-tier");
  await expectNoSeriousA11yViolations(page);
});
