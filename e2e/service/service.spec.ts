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

/** Types a team into the service page's owner form (empty clears the manual owner) and submits it. */
async function setOwner(page: Page, team: string) {
  await page.getByLabel(/Owner/).fill(team);
  await page.getByRole("button", { name: "Set owner" }).click();
}

test("[SERVICE] an owner set by hand replaces the repository's and says so", async ({ page }) => {
  await page.goto("/services/notifications");
  await expect(page.getByText("Owner (from catalog-info.yaml)")).toBeVisible();
  await setOwner(page, "team-messaging");
  await expect(page.getByRole("status").filter({ hasText: "Owner set to team-messaging." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Owner (from a person)")).toBeVisible();
  await expect(page.getByLabel(/Owner/)).toHaveValue("team-messaging");
  await page.goto("/teams/team-messaging");
  await expect(page.getByTestId("service-row").getByRole("link")).toHaveText(["notifications"]);

  // Clearing the override puts the repository's owner (its catalog-info.yaml: team-platform) back at once.
  await page.goto("/services/notifications");
  await setOwner(page, "");
  await expect(
    page.getByRole("status").filter({ hasText: "Manual owner cleared; back to team-platform, as the latest scan found." }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText("Owner (from catalog-info.yaml)")).toBeVisible();
  await expect(page.getByLabel(/Owner/)).toHaveValue("team-platform");
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
