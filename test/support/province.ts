import type { PrismaClient } from "../../src/generated/prisma/client.ts";

/**
 * A province beyond 10,000 people: 10,000 more at the unit, inserted in one statement. By default away on
 * tugas belajar until 2028 (counted, never moved); `AKTIF`, they are in every plan.
 */
export async function growToProvince(
  prisma: PrismaClient,
  unitId: number,
  roleId: number,
  status: "TUGAS_BELAJAR" | "AKTIF" = "TUGAS_BELAJAR",
): Promise<void> {
  const until = status === "AKTIF" ? null : new Date("2028-07-01T00:00:00Z");
  await prisma.$executeRaw`
    INSERT INTO "Employee" ("nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince",
      "status", "statusUntil", "updatedAt")
    SELECT '1980010120050' || lpad(g::text, 5, '0'), 'Pegawai ' || g, ${unitId}, ${roleId}, 24,
      date '1980-01-01', date '2005-01-01', ${status}::"EmployeeStatus", ${until}::date, now()
    FROM generate_series(1, 10000) AS g`;
}
