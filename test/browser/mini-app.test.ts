import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR } from "../../src/web/client-files.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { initDataFor, startWebApp } from "../support/web-app.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it with apt`);
if (!hasChromium)
  console.warn(`Skipping the Mini App's browser tests: no ${CHROMIUM} (apt-get install chromium).`);

const OUT = join("test-results", "mini-app");
/** Telegram's light theme, as the Android app passes it. */
const THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
};

/**
 * The Mini App in a real browser (Debian's Chromium, a 360 × 740 phone), opened as Telegram opens
 * it: the page's URL with the launch parameters in its hash. Screenshots go to test-results/mini-app/
 * and, with SCREENSHOTS_TO_DOCS=1, to docs/ for the README.
 */
describe.skipIf(skipPg || !hasChromium)("the Mini App in Chromium (issue 27)", () => {
  const db = useTestDatabase();
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(CLIENT_DIR, "index.html")))
      throw new Error("The Mini App is not built: npm ci builds it (npm run build:client)");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const shoot = async (page: import("playwright-core").Page, name: string) => {
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    if (process.env.SCREENSHOTS_TO_DOCS) await copyFile(file, join("docs", `mini-app-${name}.png`));
  };

  it("shows the map and the table, sorts, approves a proposal and runs a what-if", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const web = await startWebApp(db.prisma, { clock });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      const hash = new URLSearchParams({
        tgWebAppData: initDataFor(people.rina, clock.now()),
        tgWebAppVersion: "8.0",
        tgWebAppPlatform: "android",
        tgWebAppThemeParams: JSON.stringify(THEME),
      });
      await page.goto(`${web.url}/app/#${hash.toString()}`);

      // Peta: one marker per unit with coordinates, the pending move as a line.
      await page.locator("path.unit").first().waitFor();
      expect(await page.locator("path.unit").count()).toBe(2);
      expect(await page.locator("path.move-pending").count()).toBe(1);
      expect(await page.locator("[role=tab]").allTextContents()).toEqual([
        "Peta",
        "Tabel",
        "Usulan",
        "Simulasi",
        "Unit",
      ]);
      await shoot(page, "peta");

      // Tabel: units × roles, sorted by a header press.
      await page.getByRole("tab", { name: "Tabel" }).click();
      const rows = page.locator("[data-testid=table] tbody tr");
      await rows.first().waitFor();
      const count = await rows.count();
      expect(count).toBeGreaterThanOrEqual(2);
      await page.locator("th[data-key=unit]").click();
      const units = await page.locator("[data-testid=table] tbody tr td:first-child").allTextContents();
      expect(units).toEqual([...units].sort((a, b) => a.localeCompare(b)));
      await shoot(page, "tabel");

      // Unit: a unit's name in the table opens its page: each person with months in post, BUP and JJM.
      await page.locator("[data-testid=table] button[data-unit=SDN-01]").first().click();
      const budi = page.locator("[data-testid=unit] [data-nip='197803152005011002']");
      await budi.waitFor();
      expect(await page.locator("[data-testid=unit] h2").textContent()).toBe("SD Negeri 1 Salor");
      const budiText = await budi.textContent();
      expect(budiText).toContain("Di unit ini 14 th 11 bl");
      expect(budiText).toContain("Pensiun (BUP 60) 15 Mar 2038, 135 bulan lagi");
      expect(await page.locator("[data-testid=unit]").textContent()).toContain(
        "masuk dari SMP Negeri 2 Salor",
      );
      await shoot(page, "unit");

      // Usulan: Setujui decides through the group's rules, and the group's card is edited.
      await page.getByRole("tab", { name: "Usulan" }).click();
      await page.locator(`[data-proposal="${s.proposal.id}"]`).waitFor();
      await shoot(page, "usulan");
      await page.locator(`[data-proposal="${s.proposal.id}"] [data-action=approve]`).click();
      await page.getByText(`Usulan #${s.proposal.id} disetujui; menunggu SK.`).waitFor();
      expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
        status: "APPROVED",
        decidedById: s.rina.id,
      });
      expect(await db.prisma.auditLog.count({ where: { action: "proposal.approve" } })).toBe(1);
      const edit = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "editMessageText" } });
      expect(edit.chatId).toBe(BigInt(HR_CHAT_ID));

      // Simulasi: a school's rombel changed; before and after side by side, nothing written.
      await page.getByRole("tab", { name: "Simulasi" }).click();
      await page.locator("select[name=unit]").selectOption("SDN-01");
      await page.locator("input[name=rombel]").fill("12");
      await page.getByRole("button", { name: "Hitung" }).click();
      await page.locator("[data-testid=whatif-result] table.compare").waitFor();
      expect(await page.locator("[data-testid=whatif-result]").textContent()).toContain("SD Negeri 1 Salor");
      await shoot(page, "simulasi");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await web.close();
    }
  });

  it("a forged initData shows the refusal and no data", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    await seedHrDistrict(db.prisma);
    const web = await startWebApp(db.prisma, { clock });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      const forged = initDataFor(people.rina, clock.now()).replace("Rina", "Rini");
      await page.goto(`${web.url}/app/#tgWebAppData=${encodeURIComponent(forged)}&tgWebAppVersion=8.0`);
      await page.getByText("Sesi tidak sah atau sudah kedaluwarsa.", { exact: false }).waitFor();
      expect(await page.locator("path.unit").count()).toBe(0);
    } finally {
      await page.close();
      await web.close();
    }
  });
});
