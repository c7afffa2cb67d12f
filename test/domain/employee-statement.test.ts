import { describe, expect, it } from "vitest";
import {
  countsAsObjection,
  resolveDestination,
  splitDestinations,
  type DestinationUnit,
} from "../../src/domain/employee-statement.ts";

const unit = (id: number, code: string, name: string, kecamatan: string | null, npsn: string | null = null) =>
  ({ id, code, name, npsn, unorId: null, kecamatan }) satisfies DestinationUnit;

const units = [
  unit(1, "SDN-01", "SD Negeri 1 Salor", "Semangga", "60300111"),
  unit(2, "SDN-04", "SD Negeri 4 Salor", "Tanah Miring"),
  unit(3, "SMPN-02", "SMP Negeri 2 Salor", "Tanah Miring"),
  unit(4, "SDI-KURIK", "SD Inpres Kurik", "Kurik"),
];

describe("reading a typed destination", () => {
  it("finds a unit by code, NPSN or a unique name, and a kecamatan by its name with or without 'Kecamatan'", () => {
    expect(resolveDestination("sdn-04", units)).toMatchObject({
      ok: true,
      preference: { kind: "unit", unitId: 2 },
    });
    expect(resolveDestination("60300111", units)).toMatchObject({ ok: true, preference: { unitId: 1 } });
    expect(resolveDestination("sd inpres kurik", units)).toMatchObject({
      ok: true,
      preference: { unitId: 4 },
    });
    expect(resolveDestination("Kec. Semangga", units)).toEqual({
      ok: true,
      preference: { kind: "kecamatan", name: "Semangga" },
    });
    expect(resolveDestination("tanah  miring", units)).toMatchObject({
      preference: { name: "Tanah Miring" },
    });
  });

  it("names every candidate of an ambiguous text, and says so when nothing matches", () => {
    // An exact kecamatan name wins over a school that merely contains it.
    expect(resolveDestination("Kurik", units)).toMatchObject({ ok: true, preference: { kind: "kecamatan" } });
    expect(resolveDestination("Salor", units)).toEqual({
      ok: false,
      problem: "ambiguous",
      text: "Salor",
      candidates: [
        "SD Negeri 1 Salor (SDN-01)",
        "SD Negeri 4 Salor (SDN-04)",
        "SMP Negeri 2 Salor (SMPN-02)",
      ],
    });
    expect(resolveDestination("Miring", units)).toMatchObject({
      ok: true,
      preference: { name: "Tanah Miring" },
    });
    expect(resolveDestination("Negeri", units)).toMatchObject({
      problem: "ambiguous",
      candidates: { length: 3 },
    });
    expect(resolveDestination("Okaba", units)).toEqual({ ok: false, problem: "unknown", text: "Okaba" });
    expect(splitDestinations("Semangga; SDN-04\n 60300111 ,")).toEqual(["Semangga", "SDN-04", "60300111"]);
  });

  it("counts 'not willing' as an objection only where policy says so", () => {
    const off = { unwillingCountsAsObjection: false };
    const on = { unwillingCountsAsObjection: true };
    expect(countsAsObjection({ willing: false }, off)).toBe(false);
    expect(countsAsObjection({ willing: false }, on)).toBe(true);
    expect(countsAsObjection({ willing: true }, on)).toBe(false);
    expect(countsAsObjection(null, on)).toBe(false);
  });
});
