import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** `npm run demo` is the first thing a newcomer runs: it must tell the whole story, offline. */
describe("npm run demo", () => {
  it("plays the Salor story to an approved, decreed and effective transfer", async () => {
    const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/demo.ts"], {
      // DEMO_FAST lifts Telegram's pacing (stand-in and sender); the story and its texts are the same.
      env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "", DEMO_FAST: "1" },
      maxBuffer: 20 * 1024 * 1024,
    });
    expect(stdout).toContain("Anda sekarang terdaftar sebagai kepala unit SD Negeri 5 Harapan Makmur");
    expect(stdout).toMatch(/Lowongan baru di SD Negeri 5 Harapan Makmur/);
    expect(stdout).toMatch(/Beban kerja SD Negeri 5 Harapan Makmur periode \d{4}-\d{2} tersimpan/);
    expect(stdout).toMatch(/Pemeriksaan keseimbangan beban kerja/);
    // The HR group gets one digest of the check, not a card per proposal.
    expect(stdout).toMatch(/Usulan mutasi — Dinas Pendidikan/);
    expect(stdout).toMatch(/Rincian usulan #\d+/);
    // The team's approval waits for the SK (issue 15); the admin records it; the daily job carries it out.
    expect(stdout).toMatch(/✅ Disetujui tim \(Rina Kaize, \d{2}-\d{2}-\d{4} \d{2}:\d{2} WIT\); menunggu SK/);
    expect(stdout).toMatch(/📜 SK usulan #\d+ dicatat: 800\.1\.6\.2\/\d+\/BKPSDM\/\d{4} tanggal/);
    expect(stdout).toContain("(tugas harian) 1 mutasi berlaku, 0 dibatalkan");
    expect(stdout).toMatch(
      /Mutasi berlaku \(SK 800\.1\.6\.2\/\d+\/BKPSDM\/\d{4}, TMT \d{2}-\d{2}-\d{4}\): .* pindah ke unit Anda SD Negeri 5 Harapan Makmur/,
    );
    expect(stdout).toMatch(/Mutasi tercatat: .* ke SD Negeri 5 Harapan Makmur, TMT \d{2}-\d{2}-\d{4}\./);
    // Maria's story holds together: seven posts open, seven classes, no class teacher (issue 25).
    expect(stdout).toMatch(/Jumlah: 7 orang/);
    expect(stdout).toMatch(/7 rombel × 24 JP = 168 JP/);
    // The audit trail lives in the demo's temporary database, and the demo says so.
    expect(stdout).toMatch(
      /Jejak audit: \d+ baris di basis data sementara demo ini, yang dihapus saat demo selesai/,
    );
    // Every text of the story is one Telegram accepts (the stand-in refuses what Telegram refuses).
    expect(stdout).toContain("Panggilan yang ditolak Telegram: 0.");
    // Nobody in the story is told that something went wrong.
    expect(stdout).not.toContain("Maaf, terjadi kesalahan");
  }, 300_000);
});
