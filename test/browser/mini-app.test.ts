import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR } from "../../src/web/client-files.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { createPendingProposal, HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
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

  /** The page on a phone, opened as Rina (HR of Dinas Pendidikan); `close` ends it and its server. */
  async function openAsRina(clock: ReturnType<typeof fixedClock>) {
    const web = await startWebApp(db.prisma, { clock });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const close = async () => {
      await page.close();
      await web.close();
    };
    const data = initDataFor(people.rina, clock.now());
    await page
      .goto(`${web.url}/app/#tgWebAppData=${encodeURIComponent(data)}&tgWebAppVersion=8.0`)
      .catch(async (error: unknown) => {
        await close();
        throw error;
      });
    return { page, close };
  }

  it("draws a province's table a page at a time, and still searches every row", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    // 450 more SDs, each short of class teachers this month: 450 rows besides the district's own.
    await db.prisma.unit.createMany({
      data: Array.from({ length: 450 }, (_, i) => ({
        code: `SDX${String(i + 1).padStart(3, "0")}`,
        name: `SD Negeri Tambahan ${i + 1}`,
        kind: "SD" as const,
        agencyId: s.agency.id,
        lat: -8.4 - i / 1000,
        lon: 140.4 + i / 1000,
      })),
    });
    const added = await db.prisma.unit.findMany({ where: { code: { startsWith: "SDX" } } });
    await db.prisma.workloadReport.createMany({
      data: added.map((unit) => ({
        unitId: unit.id,
        roleId: s.guruKelas.id,
        hoursNeeded: 144,
        period: "2026-12",
      })),
    });
    const { page, close } = await openAsRina(clock);
    try {
      await page.getByRole("tab", { name: "Tabel" }).click();
      const rows = page.locator("[data-testid=table] tbody tr");
      const count = page.getByTestId("table-count");
      const more = page.getByTestId("table-more");
      await rows.first().waitFor();
      const total = Number((await count.textContent())?.match(/dari ([\d.]+) baris/)?.[1]?.replace(".", ""));
      expect(total).toBeGreaterThan(450);
      expect(await rows.count()).toBe(200);
      expect(await count.textContent()).toBe(`200 dari ${total} baris`);
      expect(await more.textContent()).toBe("Tampilkan 200 baris lagi");
      await more.scrollIntoViewIfNeeded();
      await shoot(page, "tabel-provinsi-lagi");

      await more.click();
      expect(await rows.count()).toBe(400);
      await more.click();
      expect(await rows.count()).toBe(total);
      expect(await more.isHidden()).toBe(true);

      // A search goes through every row, the last page's too, and starts again at one page.
      await page.getByRole("searchbox").fill("Tambahan 449");
      expect(await rows.count()).toBe(1);
      expect(await count.textContent()).toBe("1 dari 1 baris");
      expect(await page.locator("[data-testid=table] tbody tr td:first-child").textContent()).toBe(
        "SD Negeri Tambahan 449",
      );
      await page.getByRole("searchbox").fill("Tambahan");
      expect(await rows.count()).toBe(200);
      expect(await count.textContent()).toBe("200 dari 450 baris");
      await shoot(page, "tabel-provinsi");
    } finally {
      await close();
    }
  });

  it("shows a province's proposals a page at a time, the most urgent first", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    // 119 more teachers at the SMP, each proposed for the SD, expiring a day later each: 120 in flight.
    await db.prisma.employee.createMany({
      data: Array.from({ length: 119 }, (_, i) => ({
        nip: `19900202201501${String(3000 + i)}`,
        name: `Guru Tambahan ${i + 1}`,
        unitId: s.smp.id,
        roleId: s.guruKelas.id,
        weeklyHours: 24,
        birthDate: new Date("1985-01-01T00:00:00Z"),
        postSince: new Date("2010-01-01T00:00:00Z"),
      })),
    });
    const added = await db.prisma.employee.findMany({ where: { name: { startsWith: "Guru Tambahan" } } });
    for (const [i, employee] of added.entries())
      await createPendingProposal(db.prisma, {
        employeeId: employee.id,
        fromUnitId: s.smp.id,
        toUnitId: s.sd.id,
        roleId: s.guruKelas.id,
        agencyId: s.agency.id,
        now: clock.now(),
        days: 15 + i,
      });
    const { page, close } = await openAsRina(clock);
    try {
      await page.getByRole("tab", { name: "Usulan" }).click();
      const cards = page.locator("[data-proposal]");
      const count = page.getByTestId("proposals-count");
      const more = page.getByTestId("proposals-more");
      await cards.first().waitFor();
      expect(await cards.count()).toBe(50);
      expect(await count.textContent()).toBe("50 dari 120 usulan");
      // The seeded proposal expires first (14 days): it leads.
      expect(await cards.first().getAttribute("data-proposal")).toBe(String(s.proposal.id));
      expect(await more.textContent()).toBe("Tampilkan 50 usulan lagi");
      await more.click();
      expect(await cards.count()).toBe(100);
      expect(await more.textContent()).toBe("Tampilkan 20 usulan lagi");
      await more.click();
      expect(await cards.count()).toBe(120);
      expect(await count.textContent()).toBe("120 dari 120 usulan");
      expect(await more.isHidden()).toBe(true);
      // A card of the last page still decides.
      const last = added.at(-1);
      const lastId = (await db.prisma.proposal.findFirstOrThrow({ where: { employeeId: last?.id } })).id;
      await page.locator(`[data-proposal="${lastId}"] [data-action=approve]`).click();
      await page.getByText(`Usulan #${lastId} disetujui; menunggu SK.`, { exact: false }).waitFor();
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: lastId } })).status).toBe("APPROVED");
    } finally {
      await close();
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
