import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[SERVICE] a poor service ranks its fixes and links every factor card to its findings", async ({ page }) => {
  await page.goto("/services/admin-portal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("admin-portal");
  await expect(page.getByTestId("fix-first").locator("li")).toHaveCount(5);
  await page.getByRole("link", { name: /VII Port binding/ }).click();
  await expect(page).toHaveURL(/#factor-port-binding$/);
  const portFinding = page.locator('[data-rule="readsPortFromEnv"]');
  await expect(portFinding).toHaveAttribute("data-outcome", "fail");
  await expect(portFinding.getByTestId("evidence-location")).toHaveText(/^admin-portal\/server\.js:45$/);
  // The guide is not in the page: it loads when "How to fix" is opened, in the evidence file's language.
  await expect(portFinding.getByTestId("remediation-guide")).toHaveCount(0);
  await portFinding.getByText("How to fix").click();
  const guide = portFinding.getByTestId("remediation-guide");
  await expect(guide).toContainText("admin-portal/server.js:45");
  await expect(guide).toContainText("process.env.PORT");
  await expect(guide).not.toContainText("os.Getenv");
  await expect(guide.locator("code.hljs").first()).toBeVisible();
  await saveScreenshot(page, "service-admin-portal");
  await expectNoSeriousA11yViolations(page);
});

/** Picks an existing team in the service page's owner form (empty hands it back to the rules) and submits it. */
async function setOwner(page: Page, team: string) {
  await page.getByLabel("Set owner by hand").selectOption(team);
  await page.getByRole("button", { name: "Set owner" }).click();
}

test("[SERVICE] an owner set by hand replaces the repository's and says who set it", async ({ page }) => {
  await page.goto("/services/notifications");
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: team-platform — from catalog-info.yaml");
  // Only existing teams can be picked: nothing typed in can start a new one.
  await expect(page.getByLabel("Set owner by hand").locator("option", { hasText: "team-messaging" })).toHaveCount(0);
  await setOwner(page, "team-data");
  await expect(page.getByRole("status").filter({ hasText: "Owner set to team-data." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("service-owner")).toHaveText(/^Owner: team-data — set by local user on \d{4}-\d\d-\d\d$/);
  await expect(page.getByLabel("Set owner by hand")).toHaveValue("team-data");
  await page.goto("/teams/team-data");
  await expect(page.getByTestId("service-row").getByRole("link").filter({ hasText: "notifications" })).toHaveCount(1);

  // Handing it back to the rules puts the repository's owner (its catalog-info.yaml: team-platform) back at once.
  await page.goto("/services/notifications");
  await setOwner(page, "");
  await expect(page.getByRole("status").filter({ hasText: "Manual owner cleared; the ownership rules give team-platform." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: team-platform — from catalog-info.yaml");
  await expect(page.getByLabel("Set owner by hand")).toHaveValue("");
  await page.goto("/teams/team-platform");
  await expect(page.getByTestId("service-row").getByRole("link").filter({ hasText: "notifications" })).toHaveCount(1);
});

test("[SERVICE] the score history is drawn from the daily rollups", async ({ page }) => {
  await page.goto("/services/legacy-billing");
  const history = page.getByRole("region", { name: "Score history" });
  // The first day's rollup is there: the summary names the score rather than "no history yet".
  await expect(history.getByRole("figure")).toHaveAttribute("aria-label", /^legacy-billing score: \d/);
  await saveScreenshot(page, "service-history");
  await expectNoSeriousA11yViolations(page);
});
