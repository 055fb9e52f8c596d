import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { ROOT } from "@/lib/ops/bin-path";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";

const suffix = Date.now().toString(36);
let checkout: string;

test.beforeAll(async ({ request }) => {
  // A checkout of one demo service, under a name no other spec uses, so its scan is quick and its own.
  checkout = await mkdtemp(path.join(tmpdir(), "dozen-e2e-admin-"));
  await cp(path.join(ROOT, "examples/fleet/payments-api"), path.join(checkout, `till-${suffix}`), { recursive: true });
  await waitForFirstScan(request);
});

test.afterAll(async () => {
  await rm(checkout, { recursive: true, force: true });
});

/** Adds a local checkout through the form, on a schedule; returns its card. */
async function addLocal(page: Page, name: string) {
  await page.goto("/sources/new?kind=local");
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel(/^Directory/).fill(checkout);
  await page.getByLabel(/^Schedule/).fill("15 1 * * *");
  await page.getByRole("button", { name: "Add local checkout" }).click();
  await expect(page).toHaveURL(/\/sources\?added=\d+/);
  return page.getByTestId("source-row").filter({ has: page.getByRole("heading", { name: new RegExp(`^${name}\\b`) }) });
}

test("[SOURCES] edits a source in the add form's fields, with field errors, and keeps its scans", async ({ page }) => {
  const card = await addLocal(page, `till-${suffix}`);
  await card.getByRole("link", { name: `Edit till-${suffix}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Edit till-${suffix}`);
  await expect(page.getByLabel(/^Name/)).toHaveValue(`till-${suffix}`);
  await expect(page.getByLabel(/^Directory/)).toHaveValue(checkout);
  await expect(page.getByLabel(/^Schedule/)).toHaveValue("15 1 * * *");

  // Refused as adding is: each problem on its field, what was typed kept.
  await page.getByLabel(/^Directory/).fill(path.join(checkout, "missing"));
  await page.getByLabel(/^Schedule/).fill("61 * * * *");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel(/^Schedule/)).toHaveAccessibleDescription(/cron expression/);
  await expect(page.getByLabel(/^Schedule/)).toHaveValue("61 * * * *");
  await page.getByLabel(/^Schedule/).fill("45 2 * * *");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel(/^Directory/)).toHaveAccessibleDescription(/is not a directory/);
  await saveScreenshot(page, "sources-edit-errors");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel(/^Directory/).fill(checkout);
  await page.getByLabel(/^Name/).fill(`till-renamed-${suffix}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/sources\?edited=\d+/);
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText(`Saved till-renamed-${suffix}.`);
  const renamed = page.getByTestId("source-row").filter({ hasText: `till-renamed-${suffix}` });
  await expect(renamed).toContainText("45 2 * * *");
  await expect(renamed.getByRole("link", { name: /^scan #\d+$/ })).toBeVisible();
});

test("[SOURCES] pauses and resumes a source's schedule from its card", async ({ page }) => {
  const card = await addLocal(page, `pause-${suffix}`);
  await expect(card).toContainText(/next .*UTC/);
  await card.getByRole("button", { name: `Pause pause-${suffix}` }).click();
  await expect(card.getByRole("heading")).toContainText("paused");
  await expect(card).toContainText(/paused since .*UTC: no scheduled scans/);
  await expect(card).toContainText("Paused: no scheduled scans until resumed.");
  await saveScreenshot(page, "sources-paused");
  await expectNoSeriousA11yViolations(page);

  await card.getByRole("button", { name: `Resume pause-${suffix}` }).click();
  await expect(card).toContainText(/next .*UTC/);
  await expect(card.getByRole("heading")).not.toContainText("paused");
});

test("[SOURCES] deletes a source after asking; its scan stays readable on the scan page", async ({ page }) => {
  const card = await addLocal(page, `gone-${suffix}`);
  const scanLink = card.getByRole("link", { name: /^scan #\d+$/ });
  const scanId = Number((await scanLink.innerText()).replace(/\D/g, ""));

  await card.getByRole("button", { name: `Delete gone-${suffix}…` }).click();
  const ask = card.getByRole("group", { name: new RegExp(`^Delete gone-${suffix}\\?`) });
  await expect(ask).toContainText("Its scans, services, scores and findings stay readable.");
  await expect(ask.getByRole("button", { name: `Delete gone-${suffix}` })).toBeFocused();
  await saveScreenshot(page, "sources-delete-confirm");
  await expectNoSeriousA11yViolations(page);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);

  await card.getByRole("button", { name: `Delete gone-${suffix}…` }).click();
  await card
    .getByRole("group")
    .getByRole("button", { name: `Delete gone-${suffix}` })
    .click();
  await expect(page).toHaveURL(/\/sources\?deleted=/);
  await expect(page.getByRole("status").filter({ hasText: "Deleted" })).toContainText(`Deleted gone-${suffix}.`);
  await expect(page.getByTestId("source-row").filter({ hasText: `gone-${suffix}` })).toHaveCount(0);

  await page.goto(`/scans/${scanId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Scan #${scanId} of gone-${suffix} (deleted #`);
  await expect(page.getByText("Its source was deleted since; this scan is kept as history.")).toBeVisible();
});

test("[SCANS] a scan's page lists every target with its status and duration, and the total", async ({ page }) => {
  await page.goto("/scans");
  const first = page.getByTestId("scan-row").filter({ hasText: "demo-fleet" }).last();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/scans\/\d+$/);
  await expect(page.getByTestId("scan-status")).toHaveText(/succeeded|partial/);
  const progress = await page.getByTestId("scan-progress").innerText();
  const [, done, total] = progress.match(/^(\d+) of (\d+) targets/) ?? [];
  expect(Number(total)).toBeGreaterThan(0);
  expect(done).toBe(total);
  const rows = page.getByTestId("target-row");
  await expect(rows).toHaveCount(Number(total));
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/(succeeded|failed)\s+\d+(\.\d)? (ms|s)/);
  await rows.filter({ hasText: "payments-api" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/services\/payments-api/);
  await page.goBack();
  await saveScreenshot(page, "scan-page");
  await expectNoSeriousA11yViolations(page);
});

test("[SOURCES] a card follows its scan live: queued, then running or done, without a reload", async ({ page }) => {
  await page.goto("/sources");
  const card = page.getByTestId("source-row").filter({ hasText: "demo-fleet" });
  const before = await card.getByRole("link", { name: /^scan #\d+$/ }).innerText();
  await card.getByRole("button", { name: /scan now: demo-fleet/i }).click();
  // The card shows the new scan (queued or already picked up), then its verdict with the known total.
  await expect(card.getByRole("link", { name: /^scan #\d+$/ })).not.toHaveText(before);
  await expect(card.getByTestId("last-scan-status")).toHaveText(/succeeded|partial/, { timeout: 90_000 });
  await expect(card.getByTestId("last-scan-progress")).toHaveText(/^(\d+) of \1 targets/);
});
