import type { PrismaClient } from "../../src/generated/prisma/client.ts";

/**
 * A province beyond 10,000 people: 10,000 more at the unit, away on tugas belajar until 2028 (counted,
 * never moved), inserted in one statement.
 */
export async function growToProvince(prisma: PrismaClient, unitId: number, roleId: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Employee" ("nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince",
      "status", "statusUntil", "updatedAt")
    SELECT '1980010120050' || lpad(g::text, 5, '0'), 'Pegawai ' || g, ${unitId}, ${roleId}, 24,
      date '1980-01-01', date '2005-01-01', 'TUGAS_BELAJAR', date '2028-07-01', now()
    FROM generate_series(1, 10000) AS g`;
}
