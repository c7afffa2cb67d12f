import type { PrismaClient } from "../../src/generated/prisma/client.ts";

/** A small district: one education agency with an SD short of class teachers and an under-loaded SMP. */
export async function seedSmallDistrict(prisma: PrismaClient) {
  const agency = await prisma.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan Merauke" } });
  const health = await prisma.agency.create({ data: { code: "DINKES", name: "Dinas Kesehatan Merauke" } });
  const guruKelas = await prisma.role.create({
    data: {
      code: "GURU_KELAS",
      name: "Guru Kelas SD",
      standardHours: 24,
      retirementAge: 60,
      isTeacher: true,
      hoursPerRombel: 24,
    },
  });
  const guruIpa = await prisma.role.create({
    data: {
      code: "GURU_IPA",
      name: "Guru IPA",
      standardHours: 24,
      retirementAge: 60,
      isTeacher: true,
      hoursPerRombel: 5,
    },
  });
  await prisma.roleCompatibility.create({ data: { fromRoleId: guruIpa.id, toRoleId: guruKelas.id } });
  const sd = await prisma.unit.create({
    data: {
      code: "SDN-01",
      name: "SD Negeri 1 Salor",
      kind: "SD",
      agencyId: agency.id,
      lat: -8.43,
      lon: 140.39,
    },
  });
  const smp = await prisma.unit.create({
    data: {
      code: "SMPN-02",
      name: "SMP Negeri 2 Salor",
      kind: "SMP",
      agencyId: agency.id,
      lat: -8.4,
      lon: 140.42,
    },
  });
  const ani = await prisma.employee.create({
    data: {
      nip: "198501012010012001",
      name: "Ani Wulandari",
      unitId: smp.id,
      roleId: guruIpa.id,
      weeklyHours: 24,
      birthDate: new Date("1985-01-01"),
      postSince: new Date("2016-07-01"),
    },
  });
  const budi = await prisma.employee.create({
    data: {
      nip: "197803152005011002",
      name: "Budi Santoso",
      unitId: sd.id,
      roleId: guruKelas.id,
      weeklyHours: 24,
      birthDate: new Date("1978-03-15"),
      postSince: new Date("2012-01-01"),
    },
  });
  return { agency, health, guruKelas, guruIpa, sd, smp, ani, budi };
}
