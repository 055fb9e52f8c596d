import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

/** The overview's "N unowned", as a number. */
async function unownedCount(page: Page): Promise<number> {
  await page.goto("/");
  return Number((await page.getByTestId("fleet-unowned").textContent())?.match(/\d+/)?.[0]);
}

test("[OWNERSHIP] a rule made in the UI owns its services at once, says so on the service page, and bulk assignment empties Unowned", async ({
  page,
}) => {
  const before = await unownedCount(page);
  // The demo fleet: polyglot-shop's 7 services, deploy-only's 4, dotnet-store's 3 and spring-clinic's 4 have no owner.
  expect(before).toBeGreaterThanOrEqual(18);
  await page.goto("/teams");
  await expect(page.getByTestId("unowned-count")).toHaveText(String(before));

  await page.goto("/settings/ownership");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ownership");
  await page.getByLabel("Team name").fill("Shop Owners");
  await page.getByRole("button", { name: "Make team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Team Shop Owners made." })).toBeVisible();
  await page.reload();
  await page.getByLabel("Matches").selectOption("repository");
  await page.getByLabel("Pattern").fill("polyglot-*");
  await page.getByLabel("Team", { exact: true }).selectOption("shop-owners");
  await page.getByRole("button", { name: "Add rule" }).click();
  // polyglot-shop's 7 gain an owner; admin-portal and legacy-billing, owned only through a CODEOWNERS group,
  // lose theirs: once a rule exists, a group becomes a team only through a rule.
  await expect(page.getByRole("status").filter({ hasText: /Rule added; \d+ services changed owner\./ })).toBeVisible();
  const row = page.getByTestId("rule-row").filter({ hasText: "polyglot-*" });
  await expect(row).toContainText("rule 1");
  await expect(row).toContainText("Shop Owners");
  await expect(row.getByRole("cell").nth(2)).toHaveText("7");
  await saveScreenshot(page, "settings-ownership");
  await expectNoSeriousA11yViolations(page);

  expect(await unownedCount(page)).toBe(before - 7 + 2);
  await page.goto("/?team=shop-owners");
  await expect(page.getByTestId("service-row")).toHaveCount(7);
  await expect(page.getByTestId("service-repository").first()).toHaveText("polyglot-shop");
  await page.getByTestId("service-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: Shop Owners — rule 1: repository `polyglot-*`");

  // Bulk assignment from the overview's Unowned filter, to an existing team chosen from a list.
  await page.goto("/?team=unowned&sort=name");
  const rows = page.getByTestId("service-row");
  await expect(rows).toHaveCount(before - 7 + 2);
  const picked = [await rows.nth(0).getByRole("link").first().textContent(), await rows.nth(1).getByRole("link").first().textContent()];
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 checked");
  await page.getByLabel("Assign to team").selectOption("shop-owners");
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 services assigned to Shop Owners." })).toBeVisible();
  await expect(page.getByTestId("fleet-unowned")).toHaveText(`${before - 7} unowned`);
  await expect(rows).toHaveCount(before - 7);
  await saveScreenshot(page, "overview-unowned");
  await expectNoSeriousA11yViolations(page);

  // Put the fleet back as the other specs expect it: the two handed back, the rule deleted.
  await page.goto("/?team=shop-owners&sort=name");
  for (const name of picked) {
    await page
      .getByTestId("service-row")
      .filter({ has: page.getByRole("link", { name: name ?? "", exact: true }) })
      .getByRole("checkbox")
      .check();
  }
  await page.getByLabel("Assign to team").selectOption("");
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "assigned to the ownership rules." })).toBeVisible();
  await page.goto("/settings/ownership");
  await page.getByRole("button", { name: "Delete rule 1" }).click();
  await expect(page.getByTestId("rule-row")).toHaveCount(0);
  expect(await unownedCount(page)).toBe(before);
});

test("[OWNERSHIP] rules re-order from the keyboard: the service page's owner and its rule follow, the audit log says so", async ({
  page,
}) => {
  await page.goto("/settings/ownership");
  for (const name of ["Polyglot Guild", "Polyglot Ops"]) {
    await page.getByLabel("Team name").fill(name);
    await page.getByRole("button", { name: "Make team" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Team ${name} made.` })).toBeVisible();
  }
  await page.reload();
  for (const [pattern, team] of [
    ["polyglot-*", "polyglot-guild"],
    ["polyglot-shop", "polyglot-ops"],
  ] as const) {
    await page.getByLabel("Matches").selectOption("repository");
    await page.getByLabel("Pattern").fill(pattern);
    await page.getByLabel("Team", { exact: true }).selectOption(team);
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByTestId("rule-row").filter({ hasText: pattern })).toBeVisible();
  }
  const rows = page.getByTestId("rule-row");
  await expect(rows).toHaveCount(2);
  // Only the moves that exist are offered: rule 1 cannot go up, rule 2 cannot go down.
  await expect(page.getByRole("button", { name: /^Move rule 1 up/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move rule 2 down/ })).toHaveCount(0);

  await page.goto("/?team=polyglot-guild&sort=name");
  await page.getByTestId("service-row").first().getByRole("link").first().click();
  await page.waitForURL(/\/services\//);
  const service = page.url();
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: Polyglot Guild — rule 1: repository `polyglot-*`");

  // From the keyboard: focus the button by its name and press Enter.
  await page.goto("/settings/ownership");
  await page.getByRole("button", { name: "Move rule 2 up, to rule 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows.first()).toContainText("polyglot-shop");
  await expect(rows.first()).toContainText("Polyglot Ops");
  await expect(rows.nth(1)).toContainText("polyglot-*");
  await expect(rows.nth(1).getByRole("cell").nth(2)).toHaveText("0");
  await expectNoSeriousA11yViolations(page);

  await page.goto(service);
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: Polyglot Ops — rule 1: repository `polyglot-shop`");

  await page.goto("/audit");
  await page.getByLabel("Action").selectOption("ownership-rule.update");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText("repository polyglot-shop");

  // Back down on a phone: the page does not scroll sideways and the button works (its table may scroll).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/ownership");
  await saveScreenshot(page, "settings-ownership-reorder-390");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page does not scroll sideways at 390 px").toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Move rule 1 down, to rule 2" }).click();
  await expect(rows.first()).toContainText("polyglot-*");
  await page.goto(service);
  await expect(page.getByTestId("service-owner")).toHaveText("Owner: Polyglot Guild — rule 1: repository `polyglot-*`");

  // Put the fleet back as the other specs expect it.
  await page.goto("/settings/ownership");
  await page.getByRole("button", { name: "Delete rule 2" }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: "Delete rule 1" }).click();
  await expect(rows).toHaveCount(0);
});
