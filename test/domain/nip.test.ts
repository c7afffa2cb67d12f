import { describe, expect, it } from "vitest";
import { maskNip, parseNip } from "../../src/domain/nip.ts";

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
