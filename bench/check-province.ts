// npm run bench:check — the weekly check end to end, as the scheduler runs it: the district read from
// the database, the plan in its worker, the run, the proposals and the outbox written. On the engine
// benchmark's districts with each role's standard hours (bench/engine-district.ts): M (300 units / 5,000
// people) and L (3,000 / 50,000, a province), the cap of 3 moves per unit; a first check, and a second a
// week later with nothing changed; then what the team and the jobs do with it. Each in the embedded
// PGlite and in PostgreSQL (BENCH_POSTGRES_URL, default the local server; skipped when it does not
// answer). Writes "## The weekly check in the database".
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { createLogger } from "../src/logger.ts";
import type { Actor } from "../src/domain/actor.ts";
import {
  runBalancingCheck,
  simulateWhatIf,
  whatIfChangesSchema,
  type WhatIfAnswer,
} from "../src/use-cases/balancing-check/index.ts";
import { exportTransfers } from "../src/use-cases/decrees/index.ts";
import { getDistrictMap, listProposalsInView } from "../src/use-cases/district-view/index.ts";
import { buildFormasi } from "../src/use-cases/formasi/index.ts";
import { queuePendingDigest, runDailyLifecycle } from "../src/use-cases/lifecycle/index.ts";
import { listPendingProposals } from "../src/use-cases/proposals/index.ts";
import { getDistrictStatus } from "../src/use-cases/status/index.ts";
import { buildPlanInput } from "../src/db/build-plan-input.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { generateDistrict } from "./engine-district.ts";
import { embedded, FIRST, HR_CHAT, postgres, seed, ZONE } from "./province-database.ts";

/** The second check is a week after the first. */
const WEEK = 7 * 24 * 3_600_000;
const SIZES = [
  { name: "M", units: 300, people: 5_000 },
  { name: "L", units: 3_000, people: 50_000 },
];

interface Measured {
  seconds: number;
  engineSeconds: number;
  method: string;
  tiers: string;
  proposals: number;
  kept: number;
  withdrawn: number;
  outbox: number;
  toGroup: number;
}

async function check(db: PrismaClient, now: Date): Promise<Measured> {
  const outboxBefore = await db.outboxMessage.count();
  const groupBefore = await db.outboxMessage.count({ where: { chatId: HR_CHAT } });
  const started = performance.now();
  const result = await runBalancingCheck(
    db,
    { now: () => now },
    {
      trigger: "SCHEDULE",
      post: true,
      timeZone: ZONE,
      locale: "id",
      logger: createLogger("silent"),
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const metrics = result.plan?.metrics;
  return {
    seconds,
    engineSeconds: metrics?.seconds ?? NaN,
    method: metrics?.method ?? "?",
    tiers: metrics?.tiersProven?.join(", ") ?? "",
    proposals: result.proposals.length,
    kept: result.kept,
    withdrawn: result.withdrawn,
    outbox: (await db.outboxMessage.count()) - outboxBefore,
    toGroup: (await db.outboxMessage.count({ where: { chatId: HR_CHAT } })) - groupBefore,
  };
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} kB`;

/** What the HR team and the jobs do with a checked district, each timed once. */
async function teamViews(db: PrismaClient, name: string, now: Date): Promise<string[]> {
  const agencyId = (await db.agency.findFirstOrThrow()).id;
  const user = await db.user.findFirstOrThrow({ where: { role: "HR_APPROVER" } });
  const approver: Actor = {
    userId: user.id,
    name: "bench",
    admin: false,
    approverOf: agencyId,
    headOf: null,
    employeeId: null,
  };
  const unit = await db.unit.findFirstOrThrow({ where: { kind: "SD" }, orderBy: { id: "asc" } });
  // The third element: the answer goes to the Mini App as JSON (its size, and gzipped as sent, is shown),
  // or is a what-if's (the tiers each side proved are shown).
  const steps: Array<[string, () => Promise<unknown>, ("json" | "what-if")?]> = [
    ["status (`/status`, `cli status`)", () => getDistrictStatus(db, { now, timeZone: ZONE })],
    ["the Mini App's map", () => getDistrictMap(db, { actor: approver, now, timeZone: ZONE }), "json"],
    [
      "the Mini App's proposals",
      () => listProposalsInView(db, { actor: approver, now, locale: "id" }),
      "json",
    ],
    ["`/pending`", () => listPendingProposals(db, { agencyId, actor: approver, now })],
    ["the pending digest", () => queuePendingDigest(db, { now, timeZone: ZONE, locale: "id" })],
    ["export transfers of the agency", () => exportTransfers(db, { agencyId })],
    ["formasi (`/formasi`)", () => buildFormasi(db, { now: () => now }, { timeZone: ZONE, agencyId })],
    [
      "a what-if (one SD with 13 classes)",
      () =>
        simulateWhatIf(db, {
          actor: approver,
          changes: whatIfChangesSchema.parse({
            needs: [{ unit: unit.code, role: "GURU_KELAS", hours: 24 * 13 }],
          }),
          now,
          timeZone: ZONE,
        }),
      "what-if",
    ],
    [
      "the daily lifecycle job",
      () =>
        runDailyLifecycle(
          { db, logger: createLogger("silent") },
          { now, timeZone: ZONE, defaultLocale: "id" },
        ),
    ],
  ];
  const rows: string[] = [];
  for (const [what, run, answer] of steps) {
    const started = performance.now();
    let outcome = "";
    try {
      const value = await run();
      if (answer === "json") {
        const text = JSON.stringify(value);
        outcome = ` (answer ${kilobytes(text.length)}, ${kilobytes(gzipSync(text).length)} gzipped)`;
      }
      if (answer === "what-if") {
        const { before, after } = value as WhatIfAnswer;
        const tiers = (side: WhatIfAnswer["before"]) => side.tiersProven.join(", ") || "none (greedy)";
        outcome = ` (tiers proven before ${tiers(before)}; after ${tiers(after)})`;
      }
    } catch (error) {
      outcome = ` — failed: ${String(error)
        .split("\n")
        .find((l) => l.trim() !== "")
        ?.slice(0, 120)}`;
    }
    rows.push(`| ${name} | ${what} | ${((performance.now() - started) / 1000).toFixed(2)} s${outcome} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  return rows;
}

const lines: string[] = [];
const views: string[] = [];
// `npm run bench:check -- L` measures one size (and writes no section).
const only = process.argv[2];
for (const size of SIZES.filter((s) => only === undefined || s.name === only)) {
  const district = generateDistrict(size, undefined, "standard");
  for (const open of [embedded, postgres]) {
    const database = await open();
    if (database === null) continue;
    const { db, kind } = database;
    const name = `${size.name}, ${kind}`;
    let started = performance.now();
    await seed(db, district);
    const seeded = (performance.now() - started) / 1000;
    started = performance.now();
    const read = await buildPlanInput(db, { now: FIRST, timeZone: ZONE });
    const reading = (performance.now() - started) / 1000;
    const first = await check(db, FIRST);
    const later = new Date(FIRST.getTime() + WEEK);
    const second = await check(db, later);
    views.push(...(await teamViews(db, name, later)));
    await database.close();
    const row = (label: string, m: Measured) =>
      `| ${name} | ${label} | ${m.seconds.toFixed(1)} s | ${m.engineSeconds.toFixed(1)} s | ${m.method}, ${m.tiers} | ${m.proposals} | ${m.kept} | ${m.withdrawn} | ${m.outbox} (${m.toGroup} to the group) |`;
    lines.push(row("first check", first), row("a week later, nothing changed", second));
    process.stderr.write(
      `${name}: seeded in ${seeded.toFixed(1)} s; reading the district ${reading.toFixed(2)} s (${read.input.employees.length} people)\n${lines.slice(-2).join("\n")}\n`,
    );
  }
}

if (only === undefined)
  writeBenchmarkSection(
    "## The weekly check in the database",
    [
      "## The weekly check in the database",
      "",
      `Command: \`npm run bench:check\` (\`tsx bench/check-province.ts\`). Date: ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}; PGlite in memory, and PostgreSQL on the same machine.`,
      "The engine benchmark's districts with standard hours, `maxMovesPerUnit` 3, one agency and its HR group;",
      "`runBalancingCheck` as the scheduler calls it (the district read, the plan in its worker, the run, proposals",
      "and outbox written), then again a week later with nothing changed.",
      "",
      "| district | check | wall | engine | method, tiers proven | proposals | pending kept | withdrawn | outbox rows |",
      "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |",
      ...lines,
      "",
      "What the team and the jobs do with the checked district after the second check, each once:",
      "",
      "| district | what | seconds |",
      "| --- | --- | ---: |",
      ...views,
      "",
      `Load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} (the cores are shared, timings are noisy).`,
      "",
    ].join("\n"),
  );
