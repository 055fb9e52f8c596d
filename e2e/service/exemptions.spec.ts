import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

const score = async (page: Page) => Number(await page.getByTestId("service-score").textContent());
const inDays = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

test("[SERVICE] a finding exempted from its card leaves the score, shows apart with a badge and comes back when revoked", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/services/legacy-billing");
  const before = await score(page);
  const card = page
    .locator('[data-testid="finding"][data-outcome="fail"]')
    .filter({ has: page.getByTestId("exempt-form") })
    .first();
  const rule = (await card.getAttribute("data-rule"))!;

  await card.getByText("Exempt…").click();
  await card.getByLabel("Kind").selectOption("false-positive");
  await card.getByLabel("Reason").fill("The port is set by the launcher script");
  await card.getByLabel("Expires").fill(inDays(30));
  // The page re-renders at once: the card leaves its factor for the exempt ones (its form goes with it).
  await card.getByRole("button", { name: "Exempt" }).click();

  const exempt = page.locator(`[data-testid="finding"][data-rule="${rule}"][data-outcome="exempt"]`);
  await expect(exempt.locator("strong").first()).toHaveText("Exempt");
  await expect(exempt.getByTestId("exemption")).toContainText(
    "false positive: “The port is set by the launcher script” — local user, until",
  );
  await expect(page.locator("#factor-exempt")).toContainText("Exempt (not counted in the score)");
  await expect.poll(() => score(page)).toBeGreaterThan(before);
  await expect(page.getByTestId("exemption-count").first()).toHaveText("1 exemption");
  await page.getByText(/^History \(1\)$/).click();
  await expect(page.getByTestId("exemption-history")).toContainText(`local user · create ${rule}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "nothing scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  await saveScreenshot(page, "service-exemption");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/teams/team-payments");
  await expect(page.getByTestId("exemption-count")).toHaveText("1 exemption");

  await page.goto("/services/legacy-billing");
  await page.getByRole("button", { name: `Revoke the exemption of ${rule}` }).click();
  await expect(page.locator(`[data-testid="finding"][data-rule="${rule}"]`).first()).toHaveAttribute("data-outcome", "fail");
  await expect.poll(() => score(page)).toBe(before);
  await page.getByText(/^History \(2\)$/).click();
  await expect(page.getByTestId("exemption-history").locator("li").first()).toContainText(`local user · revoke ${rule}`);
});
