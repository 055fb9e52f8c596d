import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

const SLACK_URL = "https://hooks.slack.com/services/T0E2E/B0E2E/e2eSecretTokenWXYZ";

test("[TEAMS] a team's maintainer adds a Slack channel on the team page; only its host and last 4 characters show", async ({ page }) => {
  await page.goto("/teams/team-payments");
  const section = page.getByTestId("team-notifications");
  await expect(section.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(section).toContainText("No channels yet");
  await section.getByText("Add a channel").click();
  const form = section.getByRole("form", { name: "Add a notification channel" });

  // A host the administrator did not allow is refused, next to the field.
  await form.getByLabel("Kind").selectOption("slack");
  await form.getByLabel("Webhook URL").fill("https://hooks.evil.example/services/x");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText("hooks.evil.example is not an allowed webhook host")).toBeVisible();
  await expect(form.getByLabel("Webhook URL")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Webhook URL").fill(SLACK_URL);
  await form.getByLabel("Score drop (points)").fill("3");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByRole("status")).toHaveText("Added a Slack channel.");
  const row = section.getByTestId("channel-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("hooks.slack.com");
  await expect(row).toContainText("…WXYZ");
  await expect(row).toContainText("3 pts");
  await expect(row).toContainText("none yet");
  // The URL's token is a credential: it is in no page, not even in the form after the answer.
  await page.reload();
  expect(await page.content()).not.toContain("e2eSecretToken");
  await page.getByTestId("team-notifications").getByText("Add a channel").click();
  await saveScreenshot(page, "team-notifications");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Delete Slack hooks.slack.com …WXYZ" }).click();
  await expect(page.getByTestId("channel-row")).toHaveCount(0);
  await expect(page.getByTestId("team-notifications")).toContainText("No channels yet");
});
