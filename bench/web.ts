/**
 * Benchmark of the Mini App (npm run bench:web, issue 27), on a district generated as its own exports
 * (bench/import-district.ts: 300 schools, 5,000 teachers) imported into a fresh embedded PGlite:
 * - the page's size gzipped, as the server sends it (goal ≤ 150 KB without map tiles);
 * - GET /api/v1/district as an admin, median of 20 after one warm-up (goal ≤ 300 ms);
 * - time from opening the page to the map drawn (every unit's circle) in Chromium slowed 4× with a
 *   1.6 Mbps, 150 ms network, median of 3 (goal ≤ 3 s).
 * Replaces the "## Web (Mini App)" section of BENCHMARKS.md.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { chromium } from "playwright-core";
import { pgliteAdapter, pgliteTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { readImportFile } from "../src/import/read-file.ts";
import { importWorkbook } from "../src/use-cases/imports/index.ts";
import { CLIENT_DIR } from "../src/web/client-files.ts";
import { initDataFor, startWebApp } from "../test/support/web-app.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import http from "node:http";
import { DISTRICT_ORDER, generateDistrict } from "./import-district.ts";

const ADMIN = 4242;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function bundleBytes(): Promise<{ raw: number; gzip: number }> {
  const files = [join(CLIENT_DIR, "index.html")];
  for (const name of await readdir(join(CLIENT_DIR, "assets")))
    if (/\.(js|css)$/.test(name)) files.push(join(CLIENT_DIR, "assets", name));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = await readFile(file);
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

async function main(): Promise<void> {
  const bundle = await bundleBytes();
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  const files = await generateDistrict();
  for (const [kind, name] of DISTRICT_ORDER) {
    const tables = await readImportFile(files[kind], name);
    await prisma.$transaction(
      (tx) => importWorkbook(tx, tables, { source: name, actor: { name: "bench" }, now: new Date() }),
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  }
  const units = await prisma.unit.count();
  const people = await prisma.employee.count();
  // The server as the tests start it (main.ts's wiring), with this admin and the real clock.
  const server = await startWebApp(prisma, { clock: { now: () => new Date() }, adminIds: [BigInt(ADMIN)] });
  const url = server.url;
  const initData = initDataFor({ id: ADMIN, first_name: "Admin" }, new Date());
  const headers = { authorization: `tma ${initData}` };

  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= 20; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/district`, { headers });
    const body = await response.arrayBuffer();
    if (i > 0) times.push(performance.now() - started);
    bytes = body.byteLength;
  }

  // What goes over the wire to a webview that takes gzip (fetch above undoes it).
  const wire = await new Promise<number>((resolve, reject) => {
    http
      .get(`${url}/api/v1/district`, { headers: { ...headers, "accept-encoding": "gzip" } }, (response) => {
        let size = 0;
        response.on("data", (chunk: Buffer) => (size += chunk.length));
        response.on("end", () => resolve(size));
      })
      .on("error", reject);
  });

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const drawn: number[] = [];
  const placed = await prisma.unit.count({ where: { lat: { not: null }, lon: { not: null } } });
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    });
    const started = performance.now();
    await page.goto(`${url}/app/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0`);
    await page.waitForFunction(`document.querySelectorAll("path.unit").length >= ${placed}`, undefined, {
      timeout: 60_000,
    });
    drawn.push(performance.now() - started);
    await context.close();
  }
  await browser.close();
  await server.close();
  await prisma.$disconnect();
  await pglite.close();

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const section = [
    "## Web (Mini App)",
    "",
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (load ${loadavg()[0]?.toFixed(1)}), embedded PGlite, a district of ${units} units and ${people} people imported from its own exports (bench/import-district.ts). \`npm run bench:web\`.`,
    "",
    "| measure | result | goal |",
    "| --- | ---: | ---: |",
    `| page (HTML + JS + CSS), gzipped as served | ${kb(bundle.gzip)} (${kb(bundle.raw)} raw) | ≤ 150 KB |`,
    `| \`GET /api/v1/district\`, admin, median of 20 | ${median(times).toFixed(0)} ms (${kb(bytes)} JSON, ${kb(wire)} gzipped on the wire) | ≤ 300 ms |`,
    `| page opened → ${placed} units drawn, Chromium 4× slower CPU, 1.6 Mbps / 150 ms, median of 3 | ${(median(drawn) / 1000).toFixed(2)} s | ≤ 3 s |`,
    "",
  ].join("\n");
  writeBenchmarkSection("## Web (Mini App)", section);
  process.stdout.write(`${section}\n`);
}

await main();
