import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { ROOT } from "@/lib/ops/bin-path";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";
import { expectNoSeriousA11yViolations, saveScreenshot } from "@/e2e/support/check-a11y";
import { writeKubeconfig } from "@/test/support/write-kubeconfig";

const suffix = Date.now().toString(36);
let checkout: string;

test.beforeAll(async ({ request }) => {
  // A real checkout the worker can read: one demo service under a name no other test uses.
  checkout = await mkdtemp(path.join(tmpdir(), "dozen-e2e-checkout-"));
  const service = path.join(checkout, `ledger-${suffix}`);
  await cp(path.join(ROOT, "examples/fleet/payments-api"), service, { recursive: true });
  const catalog = path.join(service, "catalog-info.yaml");
  await writeFile(catalog, (await readFile(catalog, "utf8")).replace("name: payments-api", `name: ledger-${suffix}`));
  await waitForFirstScan(request);
});

test.afterAll(async () => {
  await rm(checkout, { recursive: true, force: true });
});

test("[SOURCES] adds a local checkout from the form; it is listed, scanned, and its service appears", async ({ page }) => {
  await page.goto("/sources");
  await page.getByRole("link", { name: "Add a source" }).click();
  await page.getByRole("navigation", { name: "Kind of source" }).getByRole("link", { name: "Local checkout" }).click();
  await expect(page.getByRole("link", { name: "Local checkout" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel(/^Name/).fill(`local-${suffix}`);
  await page.getByLabel(/^Directory/).fill(checkout);
  await page.getByLabel(/^Schedule/).fill("30 2 * * 1");
  await saveScreenshot(page, "sources-add-local");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Add local checkout" }).click();

  await expect(page).toHaveURL(/\/sources\?added=\d+&scan=\d+/);
  await expect(page.getByText(`Added local-${suffix}.`)).toBeVisible();
  const row = page.getByTestId("source-row").filter({ hasText: `local-${suffix}` });
  await expect(row).toContainText("30 2 * * 1");
  await expect(row).toContainText(/next .*UTC/);
  await expect
    .poll(
      async () => {
        await page.reload();
        return row.innerText();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toMatch(/succeeded/);
  await expect(row.getByTestId("last-scan-progress")).toHaveText("1 of 1 target");
  await saveScreenshot(page, "sources-list");
  await expectNoSeriousA11yViolations(page);

  // The schedule can change in place; empty means on demand only.
  await row.getByText("Change schedule").click();
  await row.getByLabel(/^Schedule of local-/).fill("");
  await row.getByRole("button", { name: "Save schedule" }).click();
  await expect(row).toContainText("scanned only when asked");

  await page.goto(`/services/ledger-${suffix}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`ledger-${suffix}`);
});

test("[SOURCES] an invalid GitHub form shows each field's error and keeps what was typed", async ({ page }) => {
  await page.goto("/sources/new?kind=github");
  await page.getByLabel(/^Name/).fill(`gh-${suffix}`);
  await page.getByLabel(/^Organisation or user login/).fill("-not-a-login-");
  await page.getByLabel(/^Token variable/).fill("lower-case");
  await page.getByLabel(/^Schedule/).fill("every day");
  await page.getByRole("button", { name: "Add GitHub source" }).click();

  const owner = page.getByLabel(/^Organisation or user login/);
  await expect(owner).toHaveAttribute("aria-invalid", "true");
  await expect(owner).toHaveAccessibleDescription(/a GitHub organisation or user login/);
  await expect(owner).toBeFocused();
  await expect(owner).toHaveValue("-not-a-login-");
  await expect(page.getByLabel(/^Token variable/)).toHaveAccessibleDescription(/an environment variable name/);
  await expect(page.getByLabel(/^Schedule/)).toHaveAccessibleDescription(/a cron expression/);
  await expect(page).toHaveURL(/\/sources\/new/);

  // A GitHub App names its variables instead of a token; reachable by keyboard.
  await page.getByRole("radio", { name: "a GitHub App" }).check();
  await expect(page.getByLabel(/^App id variable/)).toHaveValue("GITHUB_APP_ID");
  await saveScreenshot(page, "sources-add-github-invalid");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/sources");
  await expect(page.getByTestId("source-row").filter({ hasText: `gh-${suffix}` })).toHaveCount(0);
});

test("[SOURCES] adds a GitHub organisation (as a GitHub App) and a cluster; their cards name credentials only by variable", async ({
  page,
}) => {
  // Variables that are not set and a closed port: the first scans fail at once instead of reaching out.
  await page.goto("/sources/new?kind=github");
  await page.getByLabel(/^Name/).fill(`acme-${suffix}`);
  await page.getByLabel(/^Organisation or user login/).fill("acme");
  await page.getByRole("radio", { name: "a GitHub App" }).check();
  await page.getByLabel(/^App id variable/).fill("DOZEN_E2E_UNSET_APP_ID");
  await page.getByLabel(/^Private key variable/).fill("DOZEN_E2E_UNSET_APP_KEY");
  await page.getByLabel(/^API base URL/).fill("http://127.0.0.1:9");
  await page.getByLabel(/^Exclude repositories/).fill("sandbox-*, tmp-*");
  await page.getByLabel("Include forks").check();
  await page.getByRole("button", { name: "Add GitHub source" }).click();
  await expect(page).toHaveURL(/\/sources\?added=\d+/);
  const github = page.getByTestId("source-row").filter({ hasText: `acme-${suffix}` });
  await expect(github).toContainText("GitHub App from $DOZEN_E2E_UNSET_APP_ID, $DOZEN_E2E_UNSET_APP_KEY");
  await expect(github).toContainText("Repositories found:");
  await expect(github).toContainText("Rate limit");

  // The kubeconfig is checked on submit: a path that is not there, then a context it lacks, are field errors.
  const kubeconfig = await writeKubeconfig({ contexts: ["staging", "prod-eu"] });
  await page.goto("/sources/new?kind=kubernetes");
  await page.getByLabel(/^Name/).fill(`cluster-${suffix}`);
  await page.getByLabel(/^Kubeconfig path/).fill(path.join(tmpdir(), "dozen-e2e-nonexistent", "kubeconfig"));
  await page.getByLabel(/^Context/).fill("prod-eu");
  await page.getByLabel(/^Schedule/).fill("");
  await page.getByRole("button", { name: "Add cluster" }).click();
  await expect(page.getByLabel(/^Kubeconfig path/)).toHaveAccessibleDescription(/no such file on the server/);
  await expect(page.getByLabel(/^Kubeconfig path/)).toBeFocused();
  await page.getByLabel(/^Kubeconfig path/).fill(kubeconfig);
  await page.getByLabel(/^Context/).fill("prod-us");
  await page.getByRole("button", { name: "Add cluster" }).click();
  await expect(page.getByLabel(/^Context/)).toHaveAccessibleDescription(/"prod-us" is not a context in .* \(it has: staging, prod-eu\)/);
  await page.getByLabel(/^Context/).fill("prod-eu");
  await saveScreenshot(page, "sources-add-cluster");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Add cluster" }).click();
  await expect(page).toHaveURL(/\/sources\?added=\d+/);
  const cluster = page.getByTestId("source-row").filter({ hasText: `cluster-${suffix}` });
  await expect(cluster).toContainText(`kubeconfig ${kubeconfig}`);
  await expect(cluster).toContainText("prod-eu");
  await expect(cluster).toContainText("scanned only when asked");
  await expect(cluster).toContainText(/0 unmapped/);
  await saveScreenshot(page, "sources-kinds");
  await expectNoSeriousA11yViolations(page);
});
