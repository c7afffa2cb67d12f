import type { PrismaClient } from "../../src/generated/prisma/client.ts";

export const smpHead = { id: 6101, first_name: "Yohanes", language_code: "id" };
export const smpHeadEn = { id: 6102, first_name: "John", language_code: "en" };
export const approver = { id: 6103, first_name: "Maria", language_code: "id" };
export const admin = { id: 6104, first_name: "Admin", language_code: "id" };

/**
 * A district as the SIASN + Dapodik + schools import leaves it (issue 13): teachers' capacity is
 * the role's 24 JP, their JJM is hoursTaught, honorers teach where they are.
 *
 * - SDN-01 (Kurik): 6 rombel → 144 JP of guru kelas; 4 ASN guru kelas (96) + an honorer (24).
 * - SDN-02 (Malind): 6 rombel and no ASN class teacher at all; an honorer teaching 20 JP.
 * - SMPN-01 (Kurik): 6 rombel × 5 JP of IPA = 30 JP, which its three IPA teachers teach
 *   (12 + 10 + 8); Ani, certified, teaches 12 JP. Capacity 72 JP.
 * - SMPN-02 (kecamatan unknown, no rombel): four IPA teachers teaching 60 JP together: 96 JP of
 *   capacity, 36 JP of surplus.
 * GURU_IPA may fill GURU_KELAS (alih fungsi, SKB 5 Menteri 2011).
 */
export async function seedTeacherLoadDistrict(prisma: PrismaClient) {
  const agency = await prisma.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan Merauke" } });
  const teacher = { standardHours: 24, retirementAge: 60, isTeacher: true, hoursUnit: "JP" } as const;
  const guruKelas = await prisma.role.create({
    data: { code: "GURU_KELAS", name: "Guru Kelas SD", hoursPerRombel: 24, ...teacher },
  });
  const guruIpa = await prisma.role.create({
    data: { code: "GURU_IPA", name: "Guru Mapel IPA", hoursPerRombel: 5, ...teacher },
  });
  await prisma.roleCompatibility.create({
    data: { fromRoleId: guruIpa.id, toRoleId: guruKelas.id, note: "alih fungsi dengan pelatihan" },
  });
  const kurik = { kecamatan: "Kurik", kecamatanCode: "93.01.11" };
  const unit = (code: string, name: string, kind: "SD" | "SMP", extra: object) =>
    prisma.unit.create({ data: { code, name, kind, agencyId: agency.id, ...extra } });
  const sd1 = await unit("SDN-01", "SD Negeri 1 Kurik", "SD", { ...kurik, rombel: 6, lat: -8.2, lon: 140.3 });
  const sd2 = await unit("SDN-02", "SD Negeri 2 Malind", "SD", {
    kecamatan: "Malind",
    kecamatanCode: "93.01.14",
    rombel: 6,
    lat: -8.3,
    lon: 140.4,
  });
  const smp1 = await unit("SMPN-01", "SMP Negeri 1 Kurik", "SMP", {
    ...kurik,
    rombel: 6,
    lat: -8.21,
    lon: 140.31,
  });
  const smp2 = await unit("SMPN-02", "SMP Negeri 2 Merauke", "SMP", { lat: -8.25, lon: 140.35 });

  let sequence = 0;
  const employee = (
    name: string,
    unitId: number,
    roleId: number,
    extra: { hoursTaught?: number; certified?: boolean } = {},
  ) => {
    sequence += 1;
    return prisma.employee.create({
      data: {
        nip: `198501012010011${String(sequence).padStart(3, "0")}`,
        name,
        unitId,
        roleId,
        weeklyHours: 24,
        birthDate: new Date("1985-01-01"),
        postSince: new Date("2015-07-01"),
        roleSource: "DAPODIK",
        ...extra,
      },
    });
  };
  for (const name of ["Budi Santoso", "Citra Kaize", "Daud Gebze", "Eka Mahuze"])
    await employee(name, sd1.id, guruKelas.id, { hoursTaught: 24 });
  const ani = await employee("Ani Wulandari", smp1.id, guruIpa.id, {
    hoursTaught: 12,
    certified: true,
  });
  await employee("Benny Ndiken", smp1.id, guruIpa.id, { hoursTaught: 10 });
  await employee("Clara Basik", smp1.id, guruIpa.id, { hoursTaught: 8 });
  for (const name of ["Dominggus Kaize", "Elisabet Gebze", "Fransiska Balagaize", "Gerardus Mahuze"])
    await employee(name, smp2.id, guruIpa.id, { hoursTaught: 15 });
  const honorer = (key: string, name: string, unitId: number, hoursTaught: number) =>
    prisma.honorer.create({
      data: { key, name, unitId, roleId: guruKelas.id, hoursTaught, employment: "Guru Honor Sekolah" },
    });
  const honorer1 = await honorer("NUPTK-1111", "Hana Honorer", sd1.id, 24);
  const honorer2 = await honorer("NUPTK-2222", "Ines Honorer", sd2.id, 20);

  const user = (
    person: { id: number; first_name: string },
    role: "UNIT_HEAD" | "HR_APPROVER" | "ADMIN",
    unitId?: number,
  ) =>
    prisma.user.create({
      data: { telegramId: BigInt(person.id), name: person.first_name, role, unitId, agencyId: agency.id },
    });
  await user(smpHead, "UNIT_HEAD", smp1.id);
  await user(smpHeadEn, "UNIT_HEAD", smp1.id);
  await user(approver, "HR_APPROVER");
  await user(admin, "ADMIN");
  return { agency, guruKelas, guruIpa, sd1, sd2, smp1, smp2, ani, honorer1, honorer2 };
}
