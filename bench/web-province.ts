/**
 * The Mini App at a province (issue 30), as a phone draws it: L (3,000 units / 50,000 people, standard
 * hours) seeded as bench:check seeds it, in PostgreSQL (BENCH_POSTGRES_URL, default the local server;
 * PGlite when it does not answer), after its first weekly check (3,628 proposals in flight). Chromium
 * (Debian's) at 360 × 740 with its CPU slowed 4×, three times: the page opened until every unit's circle
 * is drawn; a zoom in; the Tabel tab until its first page is painted; two letters typed in its search
 * until the table is painted again; the Usulan tab until its first proposals are painted. npm run bench:web-province; the section "Web (Mini App) at a
 * province" of BENCHMARKS.md.
 */
import { cpus, loadavg } from "node:os";
import { chromium, type Page } from "playwright-core";
import { createLogger } from "../src/logger.ts";
import { runBalancingCheck } from "../src/use-cases/balancing-check/index.ts";
import { initDataFor, startWebApp } from "../test/support/web-app.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { generateDistrict } from "./engine-district.ts";
import { embedded, FIRST, postgres, seed, ZONE } from "./province-database.ts";

const ADMIN = 4242;
const RUNS = 3;
/** What a step may take before the bench gives up: the old table took 50 s. */
const WAIT_LONG = { timeout: 180_000 };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const seconds = (values: number[]) =>
  `${median(values).toFixed(2)} s (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;

const database = (await postgres()) ?? (await embedded());
const { db } = database;
await seed(db, generateDistrict({ units: 3_000, people: 50_000 }, undefined, "standard"));
await runBalancingCheck(
  db,
  { now: () => FIRST },
  { trigger: "SCHEDULE", post: true, timeZone: ZONE, locale: "id", logger: createLogger("silent") },
);
const server = await startWebApp(db, { clock: { now: () => FIRST }, adminIds: [BigInt(ADMIN)], tileUrl: "" });
const initData = initDataFor({ id: ADMIN, first_name: "Admin" }, FIRST);
const district = (await (
  await fetch(`${server.url}/api/v1/district`, { headers: { authorization: `tma ${initData}` } })
).json()) as { units: Array<{ lat: number | null; roles: unknown[] }>; moves: unknown[] };
const placed = district.units.filter((unit) => unit.lat !== null).length;
const rows = district.units.reduce((sum, unit) => sum + unit.roles.length, 0);

/** Two animation frames: what was changed has been laid out and painted. */
const painted = (page: Page) =>
  page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");

const times = {
  map: [] as number[],
  zoom: [] as number[],
  table: [] as number[],
  search: [] as number[],
  proposals: [] as number[],
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  /** Seconds from `act` until what it changed is painted, kept under `what`. */
  const timed = async (what: keyof typeof times, act: () => Promise<unknown>) => {
    const started = performance.now();
    await act();
    await painted(page);
    times[what].push((performance.now() - started) / 1000);
  };
  await timed("map", async () => {
    await page.goto(`${server.url}/app/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0`);
    await page.waitForFunction(
      `document.querySelectorAll("path.unit").length >= ${placed}`,
      undefined,
      WAIT_LONG,
    );
  });
  await timed("zoom", async () => {
    await page.locator(".leaflet-control-zoom-in").click();
    await page.waitForFunction(`!document.querySelector(".leaflet-zoom-anim")`);
  });
  await timed("table", async () => {
    await page.getByRole("tab", { name: "Tabel" }).click();
    await page.locator("[data-testid=table] tbody tr").first().waitFor(WAIT_LONG);
  });
  await timed("search", () => page.getByRole("searchbox").pressSequentially("SD"));
  await timed("proposals", async () => {
    await page.getByRole("tab", { name: "Usulan" }).click();
    await page.locator("[data-proposal]").first().waitFor(WAIT_LONG);
  });
  await context.close();
}
await browser.close();
await server.close();
await database.close();

const lines = [
  `| page opened → ${placed.toLocaleString("en")} units drawn on the map | ${seconds(times.map)} |`,
  `| a zoom in on the map | ${seconds(times.zoom)} |`,
  `| Tabel → its first page painted (${rows.toLocaleString("en")} rows in all) | ${seconds(times.table)} |`,
  `| "SD" typed in the table's search → painted | ${seconds(times.search)} |`,
  `| Usulan → its first proposals painted (${district.moves.length.toLocaleString("en")} in flight) | ${seconds(times.proposals)} |`,
];
console.log(lines.join("\n"));
writeBenchmarkSection(
  "## Web (Mini App) at a province",
  [
    "## Web (Mini App) at a province",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}), \`npm run bench:web-province\`:`,
    `L (3,000 units / 50,000 people) in ${database.kind} after its first check (${district.moves.length.toLocaleString("en")} moves in flight on the map),`,
    `Chromium at 360 × 740 with its CPU slowed 4×, no map tiles; median of ${RUNS} (range).`,
    "",
    "| what | seconds |",
    "| --- | ---: |",
    ...lines,
    "",
  ].join("\n"),
);
