import { describe, expect, it } from "vitest";
import { asnKindOf, maskNip, parseAsnNumber, parseNiPppk, parseNip } from "../../src/domain/nip.ts";

describe("parseNip", () => {
  it("reads birth date, CPNS start, sex and sequence from a valid NIP", () => {
    const result = parseNip("19850101 201001 2 001");
    expect(result).toEqual({
      ok: true,
      nip: {
        value: "198501012010012001",
        birthDate: new Date("1985-01-01T00:00:00Z"),
        cpnsStart: new Date("2010-01-01T00:00:00Z"),
        sex: "P",
        sequence: 1,
      },
    });
  });

  it.each([
    ["19850101201001100", "length"],
    ["19850101201001100a", "digits"],
    ["198502302010011001", "birth-date"],
    ["198501012010131001", "cpns-date"],
    ["198501012010013001", "sex"],
    ["198501012010011000", "sequence"],
    ["200001012010011001", "order"],
  ])("rejects %s as %s", (nip, problem) => {
    expect(parseNip(nip)).toEqual({ ok: false, problem });
  });

  it("accepts 29 February only in leap years", () => {
    expect(parseNip("198402292010011001").ok).toBe(true);
    expect(parseNip("198502292010011001")).toEqual({ ok: false, problem: "birth-date" });
  });

  it("masks the middle of a NIP for logs", () => {
    expect(maskNip("198501012010012001")).toBe("198501••••••••2001");
  });
});

describe("NI PPPK", () => {
  // A guru PPPK born 12 March 1991, appointed in 2022 (the big PPPK guru round), woman, number 7.
  const guruPppk = "199103122022212007";

  it("reads birth date, year of appointment, sex and sequence", () => {
    expect(parseNiPppk("19910312 2022 21 2 007")).toEqual({
      ok: true,
      nip: {
        value: guruPppk,
        birthDate: new Date("1991-03-12T00:00:00Z"),
        appointmentYear: 2022,
        sex: "P",
        sequence: 7,
      },
    });
  });

  it("is rejected by the NIP layout (digits 13–14 are not a month) but accepted as an ASN number", () => {
    expect(parseNip(guruPppk)).toEqual({ ok: false, problem: "cpns-date" });
    expect(parseAsnNumber(guruPppk)).toMatchObject({ ok: true, kind: "PPPK", value: guruPppk, sex: "P" });
    expect(parseAsnNumber("198501012010012001")).toMatchObject({ ok: true, kind: "PNS", sex: "P" });
  });

  it("tells PNS from PPPK by the number", () => {
    expect(asnKindOf(guruPppk)).toBe("PPPK");
    expect(asnKindOf("197803152005011002")).toBe("PNS");
    expect(asnKindOf("198501012010131001")).toBeNull();
  });

  it.each([
    ["19910312202221200", "length"],
    ["19910312202221200x", "digits"],
    ["199102302022212007", "birth-date"],
    ["199103122010212007", "pppk-year"],
    ["199103122022111007", "pppk-marker"],
    ["199103122022213007", "sex"],
    ["199103122022212000", "sequence"],
    ["201003122022212007", "order"],
  ])("rejects %s as %s", (number, problem) => {
    expect(parseNiPppk(number)).toEqual({ ok: false, problem });
  });

  it("reports the PPPK problem, not a NIP one, when digits 13–14 are 21", () => {
    expect(parseAsnNumber("199103122022213007")).toEqual({ ok: false, problem: "sex" });
    expect(parseAsnNumber("199103122010212007")).toEqual({ ok: false, problem: "pppk-year" });
  });
});
