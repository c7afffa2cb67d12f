import { describe, expect, it } from "vitest";
import { proposalData } from "../../src/messages/callback-data/proposal.ts";
import { parseProposalMetrics } from "../../src/domain/proposal-metrics.ts";
import { renderProposalCard, type ProposalForCard } from "../../src/messages/proposal-card.ts";
import { renderProposalDetails } from "../../src/messages/proposal-details.ts";
import { sampleMetrics } from "../support/hr-fixtures.ts";

const base: ProposalForCard = {
  id: 42,
  status: "PENDING",
  reason: "SD Negeri 1 Salor kekurangan 24 JP guru kelas <segera>.",
  reasonEn: "SD Negeri 1 Salor is 24 lesson hours short of class teachers.",
  metrics: sampleMetrics,
  createdAt: new Date("2026-11-30T00:00:00Z"),
  expiresAt: new Date("2026-12-14T00:00:00Z"),
  decidedAt: null,
  decidedById: null,
  employee: { name: "Ani Wulandari", nip: "198501012010012001" },
  fromUnit: { name: "SMP Negeri 2 Salor", code: "SMPN-02" },
  toUnit: { name: "SD Negeri 1 Salor", code: "SDN-01" },
  role: { name: "Guru Kelas SD" },
};

describe("proposal card", () => {
  it("names the role each load is of when the check recorded it", () => {
    const withRoles = {
      ...base,
      metrics: { ...sampleMetrics, fromRole: "Guru IPA", toRole: "Guru Kelas SD" },
    };
    const card = renderProposalCard(withRoles, "id", "Asia/Jayapura");
    expect(card.text).toContain("📊 Beban Guru IPA di SMP Negeri 2 Salor: 80% → 60%");
    expect(card.text).toContain("📊 Beban Guru Kelas SD di SD Negeri 1 Salor: 150% → 120%");
    expect(renderProposalDetails(withRoles, "en", "Asia/Jayapura")).toContain(
      "Load of Guru IPA at the origin SMP Negeri 2 Salor: 80% before, 60% after all proposals of this check.",
    );
  });

  it("shows employee, move, role, reason, both loads, tenure and distance, with three buttons", () => {
    const card = renderProposalCard(base, "id", "Asia/Jayapura");
    expect(card.text).toBe(
      [
        "<b>Usulan mutasi #42</b>",
        "👤 <b>Ani Wulandari</b> (NIP 198501012010012001)",
        "🏫 SMP Negeri 2 Salor → <b>SD Negeri 1 Salor</b>",
        "💼 Jabatan: Guru Kelas SD",
        "📝 SD Negeri 1 Salor kekurangan 24 JP guru kelas &lt;segera&gt;.",
        "📊 Beban SMP Negeri 2 Salor: 80% → 60%",
        "📊 Beban SD Negeri 1 Salor: 150% → 120%",
        "🕒 Masa di jabatan: 124 bulan · Jarak: 4,6 km",
        "⏳ Berlaku sampai 14-12-2026 09:00 WIT",
      ].join("\n"),
    );
    expect(
      card.reply_markup.inline_keyboard
        .flat()
        .map((b) => [b.text, "callback_data" in b ? b.callback_data : ""]),
    ).toEqual([
      ["✅ Setujui", "p:a:42"],
      ["❌ Tolak", "p:r:42"],
      ["ℹ️ Rincian", "p:d:42"],
    ]);
  });

  it("reads English with the English reason and buttons", () => {
    const card = renderProposalCard(base, "en", "Asia/Jayapura");
    expect(card.text).toContain("📝 SD Negeri 1 Salor is 24 lesson hours short of class teachers.");
    expect(card.text).toContain("🕒 Time in post: 124 months · Distance: 4.6 km");
    expect(card.reply_markup.inline_keyboard.flat().map((b) => b.text)).toEqual([
      "✅ Approve",
      "❌ Reject",
      "ℹ️ Details",
    ]);
  });

  it("decided and expired cards say who and when in WIT and have no buttons", () => {
    const decided = {
      ...base,
      status: "REJECTED" as const,
      decidedAt: new Date("2026-12-01T07:05:00Z"),
      decidedById: 7,
      decisions: [
        {
          userId: 7,
          verdict: "REJECT" as const,
          reason: "Sekolah asal kekurangan guru",
          createdAt: new Date(),
          user: { name: "Rina" },
        },
      ],
    };
    const rejected = renderProposalCard(decided, "id", "Asia/Jayapura");
    expect(rejected.text).toContain(
      "❌ <b>Ditolak</b> oleh Rina pada 01-12-2026 16:05 WIT\nAlasan: Sekolah asal kekurangan guru",
    );
    expect(rejected.reply_markup.inline_keyboard).toEqual([]);
    const expired = renderProposalCard({ ...base, status: "EXPIRED" }, "id", "Asia/Jayapura");
    expect(expired.text).toContain("⌛ <b>Kedaluwarsa</b> pada 14-12-2026 09:00 WIT tanpa keputusan");
    expect(expired.text).not.toContain("Berlaku sampai");
    expect(renderProposalDetails(decided, "id", "Asia/Jayapura")).toContain("• Rina menolak pada");
  });

  it("refuses metrics that do not fit the contract and shows a unit with nobody in words, never ∞", () => {
    expect(() => parseProposalMetrics({ ...sampleMetrics, distanceKm: "far" })).toThrow();
    const card = renderProposalCard(
      { ...base, metrics: { ...sampleMetrics, toLoadBefore: null } },
      "id",
      "Asia/Jayapura",
    );
    expect(card.text).toContain("📊 Beban SD Negeri 1 Salor: belum ada pegawai → 120%");
    expect(card.text).not.toContain("∞");
  });

  it("callback data is short and refuses anything else", () => {
    expect(proposalData.pack("reject", 2_000_000_000).length).toBeLessThan(64);
    expect(proposalData.unpack("p:d:7")).toEqual({ action: "details", proposalId: 7 });
    for (const bad of ["p:z:1", "p:a:", "p:a:-1", "p:a:0", "p:a:99999999999", "lang:id", "p:a:1:x"]) {
      expect(proposalData.unpack(bad)).toBeNull();
    }
  });
});
