import { test, expect } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

test("[AUDIT] a change made in the UI shows in the audit log with who, what and when, and exports as CSV", async ({ page }) => {
  const team = "team-identity";
  await page.goto("/");
  await page
    .getByRole("link", { name: /payments-api/ })
    .first()
    .click();
  await page.getByLabel("Set owner by hand").selectOption(team);
  await page.getByRole("button", { name: "Set owner" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Owner set to ${team}.` })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await page.getByLabel("Action").selectOption("owner.set");
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByTestId("audit-row").filter({ hasText: team }).first();
  await expect(row).toContainText("local user");
  await expect(row).toContainText("owner.set");
  await expect(row).toContainText("payments-api");
  await expect(row).toContainText(`→ ${team}`);
  await expect(row).toContainText("127.0.0.1");
  await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).path().then((p) => import("node:fs/promises").then((fs) => fs.readFile(p, "utf8")));
  expect(csv.split("\r\n")[0]).toBe(
    "id,at,actor_kind,actor_id,actor_name,action,target_kind,target_id,target_name,detail,remote_address,user_agent",
  );
  expect(csv).toContain(`owner.set`);
  expect(csv).toContain(team);
});
