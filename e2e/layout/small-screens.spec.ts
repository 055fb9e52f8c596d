import { test, expect, type Page } from "@playwright/test";
import { waitForFirstScan } from "@/e2e/support/wait-for-scan";

// A phone held upright (390 × 844, an iPhone 12–15): every page fits its width, so nothing scrolls
// sideways but the heatmap, which scrolls inside its own box with the service column staying put.
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

test.beforeAll(async ({ request }) => {
  await waitForFirstScan(request);
});

const PAGES = [
  ["overview", "/"],
  ["teams", "/teams"],
  ["team", "/teams/team-commerce"],
  // Its evidence names long Java paths (src/main/java/com/acme/billing/…), which wrap instead of widening the page.
  ["service", "/services/legacy-billing"],
  ["factor", "/factors/config"],
  ["sources", "/sources"],
  ["source-new-github", "/sources/new?kind=github"],
  ["source-new-kubernetes", "/sources/new?kind=kubernetes"],
  ["scans", "/scans"],
  ["ownership", "/settings/ownership"],
] as const;

/** How far the page itself is wider than the screen, and the widest element that sticks out (for the message). */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprit: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    // Content inside a box that scrolls or clips on its own does not widen the page.
    const insideClippingBox = (el: HTMLElement) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    let culprit = "";
    let widest = root.clientWidth;
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const right = el.getBoundingClientRect().right;
      if (right > widest && !insideClippingBox(el)) {
        widest = right;
        culprit = `${el.tagName.toLowerCase()}.${el.className.toString().split(" ").slice(0, 4).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      }
    }
    return { overflow: root.scrollWidth - root.clientWidth, culprit };
  });
}

for (const [name, url] of PAGES) {
  test(`[LAYOUT] ${name} (${url}) does not scroll sideways at 390 px`, async ({ page }, testInfo) => {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const { overflow, culprit } = await sidewaysOverflow(page);
    await testInfo.attach(`${name}-390`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    expect(overflow, `the page is ${overflow}px wider than the screen; widest: ${culprit}`).toBeLessThanOrEqual(0);
    // The header's controls fit: every link of the main navigation and the theme switch is on screen.
    for (const control of await page.getByRole("navigation", { name: "Main" }).locator("a, select").all()) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, `${await control.textContent()} fits`).toBe(true);
    }
  });
}

test("[LAYOUT] at 390 px the heatmap scrolls inside its own box and the service column stays put", async ({ page }, testInfo) => {
  await page.goto("/");
  const table = page.locator("table").filter({ has: page.getByTestId("service-row") });
  const box = table.locator("xpath=..");
  const nameCell = page.getByTestId("service-name-cell").first();
  await expect(nameCell).toBeVisible();
  const scroll = await box.evaluate((el) => ({ width: el.scrollWidth, visible: el.clientWidth }));
  expect(scroll.width, "the factors do not fit a phone, so the box scrolls").toBeGreaterThan(scroll.visible);
  const before = await nameCell.boundingBox();
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const after = await nameCell.boundingBox();
  expect(after?.x).toBe(before?.x);
  // The cell next to it went under it: the service name still reads on an opaque background.
  expect(await nameCell.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  expect(await nameCell.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await testInfo.attach("heatmap-scrolled-390", { body: await page.screenshot(), contentType: "image/png" });
});
