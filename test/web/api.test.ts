import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { callbackUpdate } from "../support/telegram.ts";
import { apiCall, initDataFor, startWebApp } from "../support/web-app.ts";

const NOW = "2026-12-01T00:30:00Z"; // 09:30 WIT

describe.skipIf(skipPg)("Mini App API (issue 27): initData, the actor, the district and decisions", () => {
  const db = useTestDatabase();
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  async function setUp(options: { adminIds?: bigint[] } = {}) {
    const clock = fixedClock(NOW);
    const s = await seedHrDistrict(db.prisma, { now: new Date("2026-11-30T00:00:00Z") });
    const web = await startWebApp(db.prisma, { clock, ...options });
    close = () => web.close();
    const as = (person: (typeof people)[keyof typeof people]) => initDataFor(person, clock.now());
    return { s, web, clock, as };
  }

  it("refuses missing, malformed, forged and expired initData with 401 and nothing else", async () => {
    const { web, as, clock } = await setUp();
    const valid = as(people.rina);
    const forged = valid.replace(/first_name%22%3A%22Rina/, "first_name%22%3A%22Rini");
    expect(forged).not.toBe(valid);
    const otherBot = initDataFor(people.rina, clock.now(), "987654321:ANOTHER-bot-token-entirely-xx");
    const old = initDataFor(people.rina, new Date(clock.now().getTime() - 24 * 3_600_000 - 1_000));
    for (const request of [
      { initData: null },
      { header: "Bearer abc" },
      { header: "tma " },
      { header: "tma hash=00&auth_date=1" },
      { initData: forged },
      { initData: otherBot },
      { initData: old },
    ]) {
      const answer = await apiCall(web.url, "district", request);
      expect(answer, JSON.stringify(request)).toEqual({
        status: 401,
        body: { ok: false, error: "unauthorized" },
      });
    }
    // A day less a second is still good.
    const fresh = initDataFor(people.rina, new Date(clock.now().getTime() - 24 * 3_600_000 + 1_000));
    expect((await apiCall(web.url, "me", { initData: fresh })).status).toBe(200);
    expect((await apiCall(web.url, "me", { initData: valid })).body).toMatchObject({
      version: 1,
      locale: "id",
      name: "Rina Kaize",
      roles: { admin: false, approverOf: { code: "DISDIK" }, headOf: null },
      map: { tileUrl: null },
    });
  });

  it("shows each person what the bot lets them see: admin all, approver their agency, head their unit, others 403", async () => {
    const { s, web, as } = await setUp({ adminIds: [BigInt(people.admin.id)] });
    await db.prisma.unit.create({
      data: { code: "PKM-01", name: "Puskesmas Salor", kind: "PUSKESMAS", agencyId: s.health.id },
    });
    const codes = async (person: (typeof people)[keyof typeof people]) => {
      const answer = await apiCall(web.url, "district", { initData: as(person) });
      const proposals = await apiCall(web.url, "proposals", { initData: as(person) });
      return {
        status: answer.status,
        units: (answer.body.units as Array<{ code: string }> | undefined)?.map((u) => u.code),
        // The pending move SMPN-02 → SDN-01, on the map and in Usulan, for everyone who sees either unit.
        moves: (answer.body.moves as Array<{ id: number }> | undefined)?.map((m) => m.id),
        proposals: (proposals.body.proposals as Array<{ id: number }> | undefined)?.map((p) => p.id),
      };
    };
    const all = await codes(people.admin);
    expect(all.status).toBe(200);
    expect(all.units?.sort()).toEqual(["PKM-01", "SDN-01", "SMPN-02"]);
    expect(all.moves).toEqual([s.proposal.id]);
    expect(all.proposals).toEqual([s.proposal.id]);
    const rina = await codes(people.rina);
    expect(rina.units).toEqual(expect.arrayContaining(["SDN-01", "SMPN-02"]));
    expect(rina.units).not.toContain("PKM-01");
    expect([rina.moves, rina.proposals]).toEqual([[s.proposal.id], [s.proposal.id]]);
    expect(await codes(people.siti)).toEqual({
      status: 200,
      units: ["SDN-01"],
      moves: [s.proposal.id],
      proposals: [s.proposal.id],
    });
    for (const person of [people.stranger]) {
      const answer = await apiCall(web.url, "district", { initData: as(person) });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe(
        "Peta dan tabel hanya untuk admin, penyetuju tim mutasi dan kepala unit. Minta undangan ke admin.",
      );
      expect((await apiCall(web.url, "me", { initData: as(person) })).status).toBe(403);
    }
    // A head asking for what-if (HR's) is refused; the page never offers it to them.
    expect((await apiCall(web.url, "what-if", { initData: as(people.siti), body: {} })).status).toBe(403);
  });

  it("the district: units with place, state and roles in their own hours; the plan in flight as moves", async () => {
    const { web, as } = await setUp();
    const { status, body } = await apiCall(web.url, "district", { initData: as(people.rina) });
    expect(status).toBe(200);
    const units = body.units as Array<Record<string, unknown> & { roles: Array<Record<string, unknown>> }>;
    const sd = units.find((u) => u.code === "SDN-01");
    expect(sd).toMatchObject({ kind: "SD", lat: expect.any(Number), lon: expect.any(Number) });
    expect(["short", "balanced", "over"]).toContain(sd?.state);
    for (const role of sd?.roles ?? []) expect(["JP", "jam"]).toContain(role.hoursUnit);
    // Gzipped for a client that takes it, as it is for one that does not; the same JSON either way.
    const raw = (encoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const request = http.get(
          `${web.url}/api/v1/district`,
          { headers: { authorization: `tma ${as(people.rina)}`, "accept-encoding": encoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (c: Buffer) => chunks.push(c));
            response.on("end", () =>
              resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
            );
          },
        );
        request.on("error", reject);
      });
    const packed = await raw("gzip, deflate, br");
    const plain = await raw("identity");
    expect(packed.encoding).toBe("gzip");
    expect(plain.encoding).toBeUndefined();
    expect(packed.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(gunzipSync(packed.body).toString("utf8"))).toEqual(
      JSON.parse(plain.body.toString("utf8")),
    );
    expect(body.moves).toEqual([
      {
        id: expect.any(Number),
        state: "pending",
        employee: "Ani Wulandari",
        role: "Guru Kelas SD",
        from: "SMPN-02",
        to: "SDN-01",
        km: 4.6,
      },
    ]);
  });

  it("a unit's page: staff with months in post, BUP date, JJM and certification; vacancies; moves in and out", async () => {
    const { s, web, as } = await setUp();
    await db.prisma.employee.update({
      where: { id: s.budi.id },
      data: { hoursTaught: 18, certified: true },
    });
    await db.prisma.vacancy.create({
      data: {
        unitId: s.sd.id,
        roleId: s.guruKelas.id,
        count: 2,
        reason: "PENSIUN",
        since: new Date("2026-08-01"),
      },
    });
    const { status, body } = await apiCall(web.url, "units/SDN-01", { initData: as(people.siti) });
    expect(status).toBe(200);
    expect(body.unit).toMatchObject({ code: "SDN-01", kind: "SD" });
    expect(body.staff).toEqual([
      expect.objectContaining({
        nip: "197803152005011002",
        name: "Budi Santoso",
        role: "Guru Kelas SD",
        hoursUnit: "JP",
        // In post since 2012-01-01, on 2026-12-01: 14 years 11 months.
        monthsInPost: 179,
        // Born 1978-03-15, a teacher: 60 on 2038-03-15.
        retirementAge: 60,
        retirementDate: "2038-03-15",
        monthsToRetirement: 135,
        hoursTaught: 18,
        certified: true,
        certifiedUnderStandard: true,
      }),
    ]);
    expect(body.vacancies).toEqual([
      { role: "Guru Kelas SD", count: 2, reason: "PENSIUN", since: "2026-08-01" },
    ]);
    expect(body.history).toEqual([
      expect.objectContaining({
        id: s.proposal.id,
        direction: "in",
        status: "PENDING",
        employee: "Ani Wulandari",
        other: { code: "SMPN-02", name: "SMP Negeri 2 Salor" },
      }),
    ]);
    // A head sees their own unit only; an unknown code is 404, a malformed one 400.
    const other = await apiCall(web.url, "units/SMPN-02", { initData: as(people.siti) });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("view_not_allowed");
    expect((await apiCall(web.url, "units/SMPN-02", { initData: as(people.rina) })).status).toBe(200);
    expect((await apiCall(web.url, "units/SMPN-02", { initData: as(people.maria) })).status).toBe(403);
    const unknown = await apiCall(web.url, "units/SDN-99", { initData: as(people.rina) });
    expect(unknown).toMatchObject({ status: 404, body: { code: "unit_unknown" } });
    expect((await apiCall(web.url, "units/%E0%A4%A", { initData: as(people.rina) })).status).toBe(400);
  });

  it("an approval in the page goes through the group's rules: recorded, audited, the group's card edited at once", async () => {
    const { s, web, as } = await setUp();
    const list = await apiCall(web.url, "proposals", { initData: as(people.rina) });
    expect(list.body.proposals).toMatchObject([
      { id: s.proposal.id, state: "pending", canDecide: true, quorum: 1 },
    ]);
    // Maria decides for Dinas Kesehatan, not for this proposal's agency: 403, nothing changes.
    const maria = await apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
      initData: as(people.maria),
      body: { decision: "approve" },
    });
    expect(maria.status).toBe(403);
    expect(await db.prisma.decision.count()).toBe(0);
    // A rejection needs its reason.
    const bare = await apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
      initData: as(people.rina),
      body: { decision: "reject" },
    });
    expect(bare.status).toBe(409);
    expect(await db.prisma.decision.count()).toBe(0);

    const approved = await apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
      initData: as(people.rina),
      body: { decision: "approve" },
    });
    expect(approved).toEqual({
      status: 200,
      body: { version: 1, id: s.proposal.id, outcome: "approved", status: "APPROVED" },
    });
    expect(await db.prisma.auditLog.findFirst({ where: { action: "proposal.approve" } })).toMatchObject({
      actorName: "Rina Kaize",
    });
    const edit = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "editMessageText" } });
    expect(edit).toMatchObject({ chatId: BigInt(HR_CHAT_ID), status: "PENDING" });
    // Nobody is there to make the edit at once: the sender sends it now, not after a grace period.
    expect(edit.nextAttemptAt.getTime()).toBe(new Date(NOW).getTime());
    expect(String((edit.payload as { text: string }).text)).toContain("Disetujui tim");

    const again = await apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
      initData: as(people.yosef),
      body: { decision: "approve" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("Usulan ini sudah disetujui oleh Rina Kaize pada 01-12-2026 09:30 WIT.");
  });

  it("a decision in the page racing a press in the group: one outcome", async () => {
    const { s, web, as, clock } = await setUp();
    const t = buildTestBot(db.prisma, { clock });
    const [page] = await Promise.all([
      apiCall(web.url, `proposals/${s.proposal.id}/decision`, {
        initData: as(people.rina),
        body: { decision: "reject", reason: "Sekolah tujuan sudah menerima guru honorer" },
      }),
      t.send(callbackUpdate(people.yosef, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID })),
    ]);
    const decisions = await db.prisma.decision.findMany();
    expect(decisions).toHaveLength(1);
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    expect(proposal.status).toBe(decisions[0]?.verdict === "REJECT" ? "REJECTED" : "APPROVED");
    expect(page.status).toBe(decisions[0]?.verdict === "REJECT" ? 200 : 409);
  });

  it("bad requests change nothing: unknown proposal 404, wrong body 400, wrong method 405", async () => {
    const { web, as } = await setUp();
    const rina = as(people.rina);
    expect(
      (await apiCall(web.url, "proposals/999999/decision", { initData: rina, body: { decision: "approve" } }))
        .status,
    ).toBe(404);
    expect(
      (await apiCall(web.url, "proposals/1/decision", { initData: rina, body: { decision: "maybe" } }))
        .status,
    ).toBe(400);
    expect((await apiCall(web.url, "what-if", { initData: rina, body: { leaving: "all" } })).status).toBe(
      400,
    );
    expect((await apiCall(web.url, "district", { initData: rina, method: "POST", body: {} })).status).toBe(
      405,
    );
    expect(await db.prisma.decision.count()).toBe(0);
  });

  it("what-if: the same engine on the changed district, before and after, nothing written", async () => {
    const { s, web, as } = await setUp();
    const before = await db.prisma.proposal.count();
    const answer = await apiCall(web.url, "what-if", {
      initData: as(people.rina),
      body: { leaving: [s.ani.nip, "199001012020121001"], policy: { maxDistanceKm: 50 } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      version: 1,
      before: { moves: expect.any(Number), shortfall: { JP: expect.any(Number), jam: expect.any(Number) } },
      after: { optimal: true },
      unknown: ["199001012020121001"],
    });
    expect(await db.prisma.proposal.count()).toBe(before);
  });
});
