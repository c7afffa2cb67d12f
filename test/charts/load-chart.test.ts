import { afterEach, describe, expect, it, vi } from "vitest";
import {
  offlineLoader,
  RATIO_CAP,
  renderLoadChart,
  renderLoadChartSvg,
  type LoadChartInput,
} from "../../src/charts/load-chart.ts";
import { formatLoadRatio } from "../../src/messages/format.ts";

/** Thirty units as in Salor's education office: SDs short of teachers, SMPs with spare hours. */
function salor(): LoadChartInput {
  const units = Array.from({ length: 30 }, (_, i) => ({
    name: i < 18 ? `SD Negeri ${i + 1} Salor` : `SMP Negeri ${i - 17} Salor`,
    before: i === 4 ? Infinity : i === 7 ? 4.6 : i < 18 ? 1.1 + (i % 5) * 0.2 : 0.55 + (i % 4) * 0.08,
    after: i < 18 ? 0.95 + (i % 3) * 0.04 : 0.88 + (i % 3) * 0.03,
  }));
  return {
    title: "Beban per unit: sebelum → sesudah usulan",
    subtitle: "100% = seimbang",
    labels: { before: "Sebelum", after: "Sesudah", axis: "Beban (kebutuhan / kapasitas)" },
    units,
    formatRatio: (r) => formatLoadRatio("id", r),
  };
}

function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: length (4), "IHDR" (4), then width and height as big-endian uint32.
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("load chart", () => {
  afterEach(() => vi.restoreAllMocks());

  it("renders 30 units to a valid PNG about 900 px wide, without touching the network", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const png = await renderLoadChart(salor());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { width, height } = pngSize(png);
    expect(width).toBe(900);
    // 30 units of two bars each, plus title and axis: tall but well inside Telegram's photo limits.
    expect(height).toBeGreaterThan(700);
    expect(height).toBeLessThan(2000);
    expect(png.length).toBeGreaterThan(5 * 1024);
    expect(png.subarray(-8, -4).toString("latin1")).toBe("IEND");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("draws every unit, the caller's texts, capped ratios with a label and the balance rule at 100%", async () => {
    const input = salor();
    const svg = await renderLoadChartSvg(input);
    for (const unit of input.units) expect(svg).toContain(unit.name);
    expect(svg).toContain("Beban per unit: sebelum → sesudah usulan");
    expect(svg).toContain("Sebelum");
    expect(svg).toContain("Sesudah");
    expect(svg).toContain("belum ada pegawai");
    expect(svg).toContain("460% ▸");
    expect(svg).toContain("95%");
    expect(svg).not.toContain("∞");
    expect(svg).not.toContain("Infinity");
    expect(svg).not.toContain("NaN");
    // The axis stops just past the cap, so a capped bar ends at 300% and nothing runs off the chart.
    expect(svg).toContain(`>${RATIO_CAP * 100}%<`);
  });

  it("refuses to load anything from a URL", async () => {
    await expect(offlineLoader.load("https://example.com/data.json")).rejects.toThrow(/tried to load/);
    await expect(offlineLoader.http("https://example.com/data.json", {})).rejects.toThrow(/tried to fetch/);
  });
});
