import { describe, expect, it } from "vitest";
import { listUnitStaff } from "../../src/use-cases/units/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)(
  "eligibility reads each person's BUP: the regulation with their jenjang, or the role's when set",
  () => {
    const db = useTestDatabase();

    const now = new Date("2026-11-30T00:00:00Z");

    it("an ahli madya in an administrative role has 60, an ahli utama 65; an admin's BUP overrides both", async () => {
      const d = await seedUnitHeadDistrict(db.prisma);
      const person = (nip: string, name: string, jenjang: string | null) =>
        db.prisma.employee.create({
          data: {
            nip,
            name,
            unitId: d.sd.id,
            roleId: d.admin.id,
            weeklyHours: 37.5,
            birthDate: new Date("1970-06-01"),
            postSince: new Date("2015-01-01"),
            jenjang,
          },
        });
      await person("197006011995031001", "Pertama", "AHLI_PERTAMA");
      await person("197006011995031002", "Madya", "AHLI_MADYA");
      await person("197006011995031003", "Utama", "AHLI_UTAMA");
      const months = async () => {
        const { staff } = await listUnitStaff(db.prisma, {
          userId: d.sdHead.id,
          now,
          timeZone: "Asia/Jayapura",
        });
        return Object.fromEntries(
          staff
            .filter((s) => s.birthDate.getUTCFullYear() === 1970)
            .map((s) => [
              s.name,
              [s.eligibility.monthsToRetirement, s.eligibility.reasons.includes("retirement")],
            ]),
        );
      };
      // Born 01-06-1970: 58 on 01-06-2028 (18 months), 60 in 2030, 65 in 2035.
      expect(await months()).toEqual({ Pertama: [18, false], Madya: [42, false], Utama: [102, false] });

      await db.prisma.role.update({
        where: { id: d.admin.id },
        data: { retirementAge: 57, retirementAgeSet: true },
      });
      // 57 on 01-06-2027: six months, inside the 12-month buffer for everyone in the role.
      expect(await months()).toEqual({ Pertama: [6, true], Madya: [6, true], Utama: [6, true] });
    });
  },
);
