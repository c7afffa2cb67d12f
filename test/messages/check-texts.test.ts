import { describe, expect, it } from "vitest";
import type { UnitLoad } from "../../src/domain/balance/index.ts";
import type { ProposalMetrics } from "../../src/domain/proposal-metrics.ts";
import { balancingAlertText, shortfallLine, type Shortfall } from "../../src/messages/balancing-alert.ts";
import { digestPageData } from "../../src/messages/callback-data/digest.ts";
import { balanceWord, formatLoad } from "../../src/messages/format.ts";
import { moveHours, moveLines } from "../../src/messages/move-words.ts";
import { visibleLength } from "../../src/messages/paging.ts";
import { renderProposalCard, type ProposalForCard } from "../../src/messages/proposal-card.ts";
import { renderProposalDetails } from "../../src/messages/proposal-details.ts";
import { renderDigest, type DigestForRender } from "../../src/messages/proposal-digest.ts";
import { parseTelegramHtml } from "../support/telegram-rules.ts";

const awkward = `O'Neil & <Sons> "Ltd"`;

const unitLoad = (unit: string, role: string, demand: number, before: number, after: number): UnitLoad => ({
  unit,
  demand,
  capacityBefore: before,
  capacityAfter: after,
  ratioBefore: before > 0 ? demand / before : null,
  ratioAfter: after > 0 ? demand / after : null,
  roles: [
    {
      role,
      demand,
      capacityBefore: before,
      capacityAfter: after,
      ratioBefore: before > 0 ? demand / before : null,
      ratioAfter: after > 0 ? demand / after : null,
      unmetBefore: Math.max(0, demand - before),
      unmetAfter: Math.max(0, demand - after),
    },
  ],
});

const alertBase = {
  agency: "Dinas Pendidikan",
  proposals: 2,
  loads: [
    unitLoad("SD4", "GK", 144, 48, 48),
    unitLoad("SD5", "GK", 168, 0, 48),
    unitLoad("PKM", "PERAWAT", 80, 40, 40),
    unitLoad("SMP2", "IPA", 24, 72, 24),
  ],
  unitById: new Map([
    ["SD4", { name: "SD Negeri 4 Salor" }],
    ["SD5", { name: "SD Negeri 5 Salor" }],
    ["PKM", { name: "Puskesmas Salor" }],
    ["SMP2", { name: "SMP Negeri 2 Salor" }],
  ]),
  roleByCode: new Map([
    ["GK", { name: "Guru Kelas SD", hoursUnit: "JP" as const }],
    ["IPA", { name: "Guru IPA", hoursUnit: "JP" as const }],
    ["PERAWAT", { name: "Perawat", hoursUnit: "jam" as const }],
  ]),
  maxDistanceKm: 120,
};

describe("the weekly alert", () => {
  it("says why the worst schools are still short, in JP for teachers and jam for nurses", () => {
    const shortfalls: Shortfall[] = [
      { unit: "SD4", role: "GK", needHours: 144, unmetHours: 96, reason: "beyond_distance" },
      { unit: "PKM", role: "PERAWAT", needHours: 80, unmetHours: 40, reason: "supply_exhausted" },
    ];
    const text = balancingAlertText("id", { ...alertBase, shortfalls });
    expect(text).toContain(
      "• SD Negeri 4 Salor, Guru Kelas SD: kurang 96 JP — tidak ada guru yang cocok dalam 120 km",
    );
    expect(text).toContain(
      "• Puskesmas Salor, Perawat: kurang 40 jam — semua pegawai berlebih yang cocok sudah dipakai; kebutuhan ini untuk formasi baru",
    );
    // JP and jam never add up into one number; no ∞ and no ABK letter.
    expect(text).toContain(
      "Kekurangan sekarang: <b>264 JP + 40 jam</b>.\nSetelah mutasi yang sudah disetujui atau ber-SK (0): <b>264 JP + 40 jam</b>.\nBila usulan yang menunggu keputusan (2) juga disetujui: <b>216 JP + 40 jam</b>.",
    );
    expect(text).toContain("• SD Negeri 5 Salor (seluruh unit): belum ada guru");
    expect(text).toContain(
      "• SD Negeri 4 Salor (seluruh unit): sangat kekurangan guru (beban 300%) → sangat kekurangan guru (beban 300%)\n",
    );
    expect(text).toContain("• SMP Negeri 2 Salor (seluruh unit): kelebihan guru (beban 33%)");
    expect(text).not.toMatch(/∞|kelas [A-E]/);
    const en = balancingAlertText("en", { ...alertBase, shortfalls });
    expect(en).toContain(
      "• SD Negeri 4 Salor, Guru Kelas SD: short 96 JP — no suitable teacher within 120 km",
    );
    expect(en).toContain("• SD Negeri 5 Salor (whole unit): no teacher yet");
  });

  it("names two capped origins and counts the others, however many the engine found", () => {
    const origins = Array.from({ length: 10 }, (_, i) => `SMP${i + 1}`);
    const use = (unit: string) => ({ unit, effective: 2, committed: 0, proposed: 1 });
    const line = shortfallLine(
      "id",
      {
        unit: "SD4",
        role: "GK",
        needHours: 144,
        unmetHours: 96,
        reason: "origin_cap",
        candidates: 40,
        origins,
        originCount: 869,
        capUse: { windowMonths: 12, units: origins.map(use) },
      },
      { unit: "SD Negeri 4 Salor", role: { name: "Guru Kelas SD", hoursUnit: "JP" } },
    );
    expect(line).toContain(
      "batas mutasi per 12 bulan sudah terpakai di unit asal calon: SMP1 (2 berlaku, 1 diusulkan); SMP2 (2 berlaku, 1 diusulkan); dan 867 unit lain",
    );
  });

  it("names at most five shortfalls and counts the rest; says nothing of why-not when the plan does not", () => {
    const many: Shortfall[] = Array.from({ length: 8 }, (_, i) => ({
      unit: "SD4",
      role: "GK",
      needHours: 144,
      unmetHours: 10 + i,
      reason: "candidates_ineligible",
      candidates: 2,
    }));
    const text = balancingAlertText("id", { ...alertBase, shortfalls: many });
    expect(text.match(/calon yang ada \(2\) tidak dapat dimutasi/g)).toHaveLength(5);
    expect(text).toContain("…dan 3 lainnya (lihat /status).");
    expect(text).toContain("kurang 17 JP"); // most unmet first
    const silent = balancingAlertText("id", alertBase);
    expect(silent).not.toContain("dan mengapa");
    // Without the engine's why, a worst school the plan leaves as it is is at least named as such.
    expect(silent).toContain(
      "• SD Negeri 4 Salor (seluruh unit): sangat kekurangan guru (beban 300%) → sangat kekurangan guru (beban 300%) — tidak ada usulan untuk unit ini kali ini",
    );
    expect(silent).toContain(
      "• SD Negeri 5 Salor (seluruh unit): belum ada guru → sangat kekurangan guru (beban 350%)\n",
    );
  });

  it("has a perlu ditinjau line naming five roles an import created and the count", () => {
    const rolesToReview = ["R1", "R2", "R3", "R4", "R5", "R6", "R7"];
    const text = balancingAlertText("id", { ...alertBase, rolesToReview });
    expect(text).toContain(
      "🔎 <b>Perlu ditinjau</b> (admin): 7 jabatan dibuat oleh impor dengan nilai dugaan: R1, R2, R3, R4, R5 dan 2 lainnya. Tinjau dengan /jabatan.",
    );
    expect(balancingAlertText("en", { ...alertBase, rolesToReview: ["R1"] })).toContain(
      "🔎 <b>Needs review</b> (admins): 1 roles created by an import with guessed values: R1. Review them with /roles.",
    );
    expect(balancingAlertText("id", alertBase)).not.toContain("Perlu ditinjau");
  });

  it("stays HTML Telegram accepts with awkward names", () => {
    const names = new Map([...alertBase.unitById.keys()].map((k) => [k, { name: awkward }]));
    const shortfalls: Shortfall[] = [
      { unit: "SD4", role: "GK", needHours: 144, unmetHours: 96, reason: "no_compatible_supply" },
    ];
    const text = balancingAlertText("id", { ...alertBase, agency: awkward, unitById: names, shortfalls });
    expect(parseTelegramHtml(text)).not.toHaveProperty("error");
  });
});

describe("loads and moves in words", () => {
  it("bands in words and percent, never ∞", () => {
    expect([null, 2, 1.2, 1, 0.9, 0.5].map(balanceWord)).toEqual([
      "very_short",
      "very_short",
      "short",
      "balanced",
      "balanced",
      "surplus",
    ]);
    expect(formatLoad("id", 24, 0, true)).toBe("belum ada guru");
    expect(formatLoad("id", 24, 0, false)).toBe("belum ada pegawai");
    expect(formatLoad("en", 24, 0, true)).toBe("no teacher yet");
    expect(formatLoad("id", 120, 96, true)).toBe("kekurangan guru (beban 125%)");
    // What is short or in excess, then the figure: "75% (berlebih)" no longer reads as overloaded.
    expect(formatLoad("id", 75, 100, false)).toBe("kelebihan pegawai (beban 75%)");
    expect(formatLoad("id", 150, 100, false)).toBe("kekurangan pegawai (beban 150%)");
    expect(formatLoad("id", 95, 100, false)).toBe("seimbang (beban 95%)");
    expect(formatLoad("en", 75, 100, false)).toBe("more staff than work (load 75%)");
  });

  const metrics: ProposalMetrics = {
    fromLoadBefore: 0.83,
    fromLoadAfter: 1,
    toLoadBefore: 7,
    toLoadAfter: 1.75,
    distanceKm: 12,
    monthsInPost: 40,
    unmetFilledHours: 24,
    hoursUnit: "JP",
    personHours: 24,
    toNeed: 168,
    toHave: 0,
    toHavePlan: 72,
    fromNeed: 120,
    fromHave: 120,
    fromHavePlan: 96,
  };
  const names = { role: "Guru Kelas SD", from: "SMP Negeri 2 Salor", to: "SD Negeri 4 Salor" };

  it("says what this one person does to both units, then the plan's total", () => {
    const h = moveHours(metrics);
    expect(h).not.toBeNull();
    const lines = moveLines("id", h!, names);
    expect(lines).toEqual([
      "💼 Jabatan: Guru Kelas SD · membawa 24 JP per minggu",
      "📥 SD Negeri 4 Salor, Guru Kelas SD: kurang 168 → 144 JP · belum ada guru → sangat kekurangan guru (beban 700%)",
      "📤 SMP Negeri 2 Salor, Guru Kelas SD: 120 JP dibutuhkan, 96 tersisa diajar · seimbang (beban 100%) → kekurangan guru (beban 125%)",
      "🧮 Dengan semua usulan pemeriksaan ini: SD Negeri 4 Salor (Guru Kelas SD) kurang 96 JP, sangat kekurangan guru (beban 233%); SMP Negeri 2 Salor (Guru Kelas SD) 120 JP dibutuhkan, 96 tersisa diajar, kekurangan guru (beban 125%)",
    ]);
    const nurse = moveLines("en", { ...h!, unit: "jam", toNeed: 20, toHave: 10, toHavePlan: 30 }, names);
    expect(nurse[1]).toContain("short 10 h → covered");
    expect(nurse[3]).toContain("SD Negeri 4 Salor (Guru Kelas SD) covered");
  });

  it("the card of a new proposal uses them; an old proposal keeps its loads", () => {
    const proposal = {
      id: 7,
      status: "PENDING" as const,
      reason: "Mengisi kekurangan 168 JP",
      reasonEn: null,
      metrics,
      expiresAt: new Date("2026-12-14T00:00:00Z"),
      createdAt: new Date("2026-11-30T00:00:00Z"),
      decidedAt: null,
      decidedById: null,
      employee: { name: "Ani", nip: "198501012010012001" },
      fromUnit: { name: names.from, code: "SMP2" },
      toUnit: { name: names.to, code: "SD4" },
      role: { name: names.role },
    };
    const card = renderProposalCard(proposal, "id", "Asia/Jayapura").text;
    expect(card).toContain("📥 SD Negeri 4 Salor, Guru Kelas SD: kurang 168 → 144 JP");
    // A subject teacher who would teach as a class teacher: the team sees both jabatan (issue 25).
    const alih = { ...proposal, metrics: { ...metrics, fromRole: "Guru IPA", toRole: names.role } };
    expect(renderProposalCard(alih, "id", "UTC").text).toContain(
      `💼 Jabatan: Guru IPA → ${names.role} (alih fungsi) · membawa 24 JP per minggu`,
    );
    expect(renderProposalDetails(alih, "id", "UTC")).toContain(`Guru IPA → ${names.role} (alih fungsi)`);
    // Every load says whose it is: the origin's line is of the role the person leaves (issue 25).
    expect(renderProposalCard(alih, "id", "UTC").text).toContain(
      "📤 SMP Negeri 2 Salor, Guru IPA: 120 JP dibutuhkan",
    );
    // A certified teacher teaching 12 JP gets 24 JP there: Rincian says what it does for her (issue 25).
    const certified = {
      ...proposal,
      employee: { ...proposal.employee, certified: true, hoursTaught: 12 },
      role: { name: names.role, standardHours: 24, isTeacher: true },
    };
    expect(renderProposalDetails(certified, "id", "UTC")).toContain(
      "🎓 Guru bersertifikat: kini mengajar 12 JP; di SD Negeri 4 Salor 24 JP — beban penuh 24 JP, syarat tunjangan profesi (PP 74/2008 Pasal 52).",
    );
    expect(renderProposalDetails(proposal, "id", "UTC")).not.toContain("🎓");
    const sameRole = { ...proposal, metrics: { ...metrics, fromRole: names.role, toRole: names.role } };
    expect(renderProposalCard(sameRole, "id", "UTC").text).toContain(`💼 Jabatan: ${names.role} · membawa`);
    expect(card).not.toContain("Mengisi kekurangan 168 JP");
    const old = renderProposalCard(
      { ...proposal, metrics: { ...metrics, personHours: undefined } },
      "id",
      "UTC",
    );
    expect(old.text).toContain("📝 Mengisi kekurangan 168 JP");
  });
});

describe("the digest", () => {
  const schools = ["SD 1", "SD 2", "SD 3", "SD 4", "SD 5", "SD 6", "SD 7"];
  function digest(count: number, name = "Guru"): DigestForRender {
    return {
      id: 3,
      runId: 9,
      agency: { name: awkward },
      quorum: 2,
      proposals: Array.from({ length: count }, (_, i) => ({
        id: 100 + i,
        status: i === 0 ? ("APPROVED" as const) : ("PENDING" as const),
        reason: "r",
        reasonEn: null,
        metrics: {
          fromLoadBefore: 0.5,
          fromLoadAfter: 0.6,
          toLoadBefore: null,
          toLoadAfter: 2,
          distanceKm: 3,
          monthsInPost: 30,
          unmetFilledHours: 24,
          hoursUnit: "JP",
          personHours: 24,
          toNeed: 48 + (i % schools.length) * 24,
          toHave: 0,
          toHavePlan: 24,
          fromNeed: 24,
          fromHave: 72,
          fromHavePlan: 48,
          // Every other one is a subject teacher taking a class (alih fungsi).
          ...(i % 2 === 1 ? { fromRole: "Guru IPA", toRole: "Guru Kelas SD" } : {}),
        },
        expiresAt: new Date("2026-12-14T00:00:00Z"),
        createdAt: new Date("2026-11-30T00:00:00Z"),
        decidedAt: i === 0 ? new Date("2026-12-01T00:00:00Z") : null,
        decidedById: i === 0 ? 1 : null,
        employee: { name: `${name} ${i}`, nip: "198501012010012001" },
        fromUnit: { name: `SMP ${i % 3}`, code: `SMP${i % 3}` },
        toUnit: { name: schools[i % schools.length] ?? "", code: schools[i % schools.length] ?? "" },
        role: { name: "Guru Kelas SD" },
        decisions:
          i === 0
            ? [
                {
                  userId: 1,
                  verdict: "APPROVE" as const,
                  reason: null,
                  createdAt: new Date(),
                  user: { name: "Rina" },
                },
              ]
            : [],
      })),
    };
  }

  it("carries a URL button to the Mini App's direct link when there is one (issue 27)", () => {
    const link = "https://t.me/seimbang_bot/peta";
    const rows = renderDigest({ ...digest(3), miniApp: link }, 1, "id", "UTC").reply_markup.inline_keyboard;
    expect(rows.at(-1)).toEqual([{ text: "🗺 Lihat di peta", url: `${link}?startapp=usulan` }]);
    const plain = renderDigest(digest(3), 1, "id", "UTC").reply_markup.inline_keyboard;
    expect(plain.flat().some((b) => "url" in b)).toBe(false);
  });

  it("groups by destination school, at most five proposals a page, each on exactly one page", () => {
    const d = digest(23);
    const first = renderDigest(d, 1, "id", "Asia/Jayapura");
    const seen: number[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const view = renderDigest(d, page, "id", "Asia/Jayapura");
      expect(parseTelegramHtml(view.text)).not.toHaveProperty("error");
      expect(visibleLength(view.text)).toBeLessThanOrEqual(4096);
      const ids = view.reply_markup.inline_keyboard
        .flat()
        .map((b) => ("callback_data" in b ? b.callback_data : ""))
        .filter((c) => c.startsWith("p:d:"))
        .map((c) => Number(c.slice(4)));
      expect(ids.length).toBeLessThanOrEqual(5);
      seen.push(...ids);
      for (const b of view.reply_markup.inline_keyboard.flat())
        expect(Buffer.byteLength("callback_data" in b ? b.callback_data : "")).toBeLessThan(64);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(d.proposals.map((p) => p.id));
    // The most short school first; a school's proposals stay together on its page.
    expect(first.text).toContain("🏫 <b>SD 7</b>");
    expect(first.text).toContain("23 usulan · menunggu 22 · disetujui 1 · ditolak 0");
    // Each line names the jabatan the move gives, and the one it leaves when they differ.
    const all = Array.from({ length: first.pages }, (_, k) => renderDigest(d, k + 1, "id", "UTC").text).join(
      "\n",
    );
    expect(all).toMatch(/, dari SMP \d · Guru IPA → Guru Kelas SD \(alih fungsi\) · 24 JP/);
    expect(all).toMatch(/, dari SMP \d · Guru Kelas SD · 24 JP/);
    expect(first.reply_markup.inline_keyboard.at(-1)).toEqual([
      { text: "Halaman 1/" + first.pages, callback_data: digestPageData.pack(3, 1) },
      { text: "▶", callback_data: digestPageData.pack(3, 2) },
    ]);
    // A page past the end shows the last page.
    expect(renderDigest(d, 99, "id", "UTC").page).toBe(first.pages);
  });

  it("a head's objection after the proposal shows ⚠️ and Sudah ditinjau takes Setujui's place until reviewed", () => {
    const d = digest(2);
    const late = d.proposals[1]!;
    late.employee = {
      ...late.employee,
      objection: true,
      objectionReason: "Merawat <ibu>",
      objectionAt: new Date("2026-12-01T01:00:00Z"),
    };
    const view = renderDigest(d, 1, "id", "Asia/Jayapura");
    expect(view.text).toContain("⚠️ <b>Keberatan dicatat</b> 01-12-2026 10:00 WIT: Merawat &lt;ibu&gt;");
    expect(view.reply_markup.inline_keyboard[0]).toEqual([
      { text: "👁 Sudah ditinjau #101", callback_data: "p:v:101" },
      { text: "❌ Tolak #101", callback_data: "p:r:101" },
      { text: "ℹ️ Rincian #101", callback_data: "p:d:101" },
    ]);
    expect(parseTelegramHtml(view.text)).not.toHaveProperty("error");

    late.objectionReviewedAt = new Date("2026-12-01T02:00:00Z");
    const reviewed = renderDigest(d, 1, "en", "Asia/Jayapura");
    expect(reviewed.text).toContain(
      "⚠️ Objection recorded 01-12-2026 10:00 WIT: Merawat &lt;ibu&gt; (reviewed by the team)",
    );
    expect(reviewed.reply_markup.inline_keyboard[0]?.[0]).toEqual({
      text: "✅ Approve #101",
      callback_data: "p:a:101",
    });

    // An objection the head had recorded before the proposal was made is no news to the team.
    late.objectionReviewedAt = null;
    late.employee.objectionAt = new Date("2026-11-01T00:00:00Z");
    expect(renderDigest(d, 1, "id", "Asia/Jayapura").text).not.toContain("Keberatan");
  });

  it("a decided proposal keeps only Rincian and shows its outcome; English too", () => {
    const d = digest(2);
    const view = renderDigest(d, 1, "en", "Asia/Jayapura");
    expect(view.pages).toBe(1);
    expect(view.text).toContain("✅ <b>Approved by the team</b> (Rina");
    expect(view.text).toContain("awaiting the decree (SK)");
    // SD 2 (#101) is shorter of teachers than SD 1 (#100), so it comes first.
    expect(view.reply_markup.inline_keyboard).toEqual([
      [
        { text: "✅ Approve #101", callback_data: "p:a:101" },
        { text: "❌ Reject #101", callback_data: "p:r:101" },
        { text: "ℹ️ Details #101", callback_data: "p:d:101" },
      ],
      [{ text: "ℹ️ Details #100", callback_data: "p:d:100" }],
    ]);
  });

  it("each later state reads right on the digest: decreed with its SK, in effect, cancelled with the reason", () => {
    const d = digest(4);
    const [decreed, effective, cancelled] = d.proposals;
    const sk = {
      skNumber: "800/45/BKPSDM/2026",
      skDate: new Date("2026-12-03T00:00:00Z"),
      tmt: new Date("2027-01-04T00:00:00Z"),
    };
    Object.assign(decreed ?? {}, { status: "DECREED", ...sk });
    Object.assign(effective ?? {}, { status: "EFFECTIVE", ...sk });
    Object.assign(cancelled ?? {}, {
      status: "CANCELLED",
      cancelledAt: new Date("2026-12-10T01:00:00Z"),
      cancelReason: "Pegawai sakit berat",
    });
    const view = renderDigest(d, 1, "id", "Asia/Jayapura");
    expect(view.text).toContain("4 usulan · menunggu 1 · disetujui 2 · ditolak 0 · dibatalkan 1");
    expect(view.text).toContain("SK 800/45/BKPSDM/2026</b> tanggal 03-12-2026, TMT 04-01-2027");
    expect(view.text).toContain("🏁 <b>Berlaku</b> sejak TMT 04-01-2027: pegawai sudah pindah");
    expect(view.text).toContain(
      "❎ <b>Dibatalkan</b> pada 10-12-2026 10:00 WIT\nAlasan: Pegawai sakit berat",
    );
    expect(parseTelegramHtml(view.text)).not.toHaveProperty("error");
    // Rincian of the decreed one also gives the keberatan deadline.
    Object.assign(decreed ?? {}, { objectionDeadline: new Date("2027-01-05T00:00:00Z") });
    expect(renderProposalDetails(decreed as ProposalForCard, "id", "Asia/Jayapura")).toContain(
      "Batas keberatan atas SK (UU 30/2014 Pasal 77): 05-01-2027.",
    );
  });

  it("very long names still fit Telegram's limit", () => {
    const d = digest(20, "N".repeat(900));
    const { pages } = renderDigest(d, 1, "id", "UTC");
    for (let page = 1; page <= pages; page++) {
      const view = renderDigest(d, page, "id", "UTC");
      expect(visibleLength(view.text)).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(view.text)).not.toHaveProperty("error");
    }
  });

  it("the page codec refuses anything else", () => {
    expect(digestPageData.unpack("dg:3:2")).toEqual({ digestId: 3, page: 2 });
    for (const bad of ["dg:0:1", "dg:3:0", "dg:3:1000", "dg:x:1", "pg:u:1", "dg:3:1:2"])
      expect(digestPageData.unpack(bad)).toBeNull();
  });
});
