import type { PrismaClient, Proposal } from "../../src/generated/prisma/client.ts";
import type { ProposalMetrics } from "../../src/domain/proposal-metrics.ts";
import { seedSmallDistrict } from "./fixtures.ts";
import type { Person } from "./telegram.ts";

/** The HR group of DISDIK, a supergroup (ids -100…) so its messages can be linked. */
export const HR_CHAT_ID = -1001234567890;
export const HR_CHAT = { id: HR_CHAT_ID, type: "supergroup" as const, title: "Tim Mutasi Disdik" };

export const people = {
  rina: { id: 6001, first_name: "Rina", last_name: "Kaize", language_code: "id" },
  yosef: { id: 6002, first_name: "Yosef", last_name: "Gebze", language_code: "id" },
  /** An approver of another agency (Dinas Kesehatan). */
  maria: { id: 6003, first_name: "Maria", last_name: "Mahuze", language_code: "id" },
  /** A unit head: registered, but no right to decide. */
  siti: { id: 6004, first_name: "Siti", last_name: "Rahayu", language_code: "id" },
  headSmp: { id: 6005, first_name: "Paulus", last_name: "Ndiken", language_code: "en" },
  stranger: { id: 6009, first_name: "Tamu" },
  admin: { id: 9001, first_name: "Admin" },
} satisfies Record<string, Person>;

export const sampleMetrics: ProposalMetrics = {
  fromLoadBefore: 0.8,
  fromLoadAfter: 0.6,
  toLoadBefore: 1.5,
  toLoadAfter: 1.2,
  distanceKm: 4.6,
  monthsInPost: 124,
  unmetFilledHours: 24,
};

const fullName = (p: Person) => [p.first_name, p.last_name].filter(Boolean).join(" ");

/**
 * The small district plus its HR side: DISDIK's HR group (quorum as given), two approvers, a
 * Dinkes approver, the heads of both schools, and one pending proposal moving Ani (an SMP IPA
 * teacher under-loaded at SMPN-02) to SDN-01 as a class teacher, its card already posted.
 */
export async function seedHrDistrict(prisma: PrismaClient, options: { quorum?: number; now?: Date } = {}) {
  const now = options.now ?? new Date("2026-11-30T00:00:00Z");
  const district = await seedSmallDistrict(prisma);
  const group = await prisma.hrGroup.create({
    data: {
      chatId: BigInt(HR_CHAT_ID),
      title: HR_CHAT.title,
      agencyId: district.agency.id,
    },
  });
  // The quorum is the agency's (issue 26).
  await prisma.agency.update({ where: { id: district.agency.id }, data: { quorum: options.quorum ?? 1 } });
  const approver = (p: Person, agencyId: number) =>
    prisma.user.create({
      data: {
        telegramId: BigInt(p.id),
        name: fullName(p),
        role: "HR_APPROVER",
        agencyId,
        locale: p.language_code ?? null,
      },
    });
  const rina = await approver(people.rina, district.agency.id);
  const yosef = await approver(people.yosef, district.agency.id);
  const maria = await approver(people.maria, district.health.id);
  const head = (p: Person, unitId: number) =>
    prisma.user.create({
      data: {
        telegramId: BigInt(p.id),
        name: fullName(p),
        role: "UNIT_HEAD",
        unitId,
        agencyId: district.agency.id,
        locale: p.language_code ?? null,
      },
    });
  const siti = await head(people.siti, district.sd.id);
  const headSmp = await head(people.headSmp, district.smp.id);
  const proposal = await createPendingProposal(prisma, {
    employeeId: district.ani.id,
    fromUnitId: district.smp.id,
    toUnitId: district.sd.id,
    roleId: district.guruKelas.id,
    agencyId: district.agency.id,
    now,
    cardMessageId: 500,
  });
  return { ...district, group, rina, yosef, maria, siti, headSmp, proposal, now };
}

export async function createPendingProposal(
  prisma: PrismaClient,
  input: {
    employeeId: number;
    fromUnitId: number;
    toUnitId: number;
    roleId: number;
    agencyId: number;
    now: Date;
    days?: number;
    cardMessageId?: number | null;
    metrics?: ProposalMetrics;
  },
): Promise<Proposal> {
  return prisma.proposal.create({
    data: {
      employeeId: input.employeeId,
      fromUnitId: input.fromUnitId,
      toUnitId: input.toUnitId,
      roleId: input.roleId,
      agencyId: input.agencyId,
      reason:
        "SD Negeri 1 Salor kekurangan 24 JP guru kelas; Ani Wulandari di SMP Negeri 2 Salor hanya terisi sebagian. Beban SD turun dari 150% ke 120%, beban SMP menjadi 60%.",
      reasonEn:
        "SD Negeri 1 Salor is 24 lesson hours short of class teachers; Ani Wulandari at SMP Negeri 2 Salor is under-loaded. The SD's load falls from 150% to 120%, the SMP's becomes 60%.",
      metrics: { ...(input.metrics ?? sampleMetrics) },
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + (input.days ?? 14) * 86_400_000),
      cardChatId: input.cardMessageId === null ? null : BigInt(HR_CHAT_ID),
      cardMessageId: input.cardMessageId === null ? null : (input.cardMessageId ?? 500),
    },
  });
}
