import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { ApiCall } from "./telegram.ts";
import { seedSmallDistrict } from "./fixtures.ts";

export const sdHeadPerson = { id: 6001, first_name: "Siti", language_code: "id" };
export const smpHeadPerson = { id: 6002, first_name: "Yohanes", language_code: "id" };
export const approverPerson = { id: 6003, first_name: "Maria", language_code: "id" };
export const strangerPerson = { id: 6009, first_name: "Tamu", language_code: "id" };
export const HR_CHAT_ID = -100500;

/**
 * The small district plus what the unit-head features need: a non-teacher role at the SD, a
 * health unit with a role of its own, a head for each school, an approver and the HR group.
 */
export async function seedUnitHeadDistrict(prisma: PrismaClient) {
  const base = await seedSmallDistrict(prisma);
  const admin = await prisma.role.create({
    data: { code: "TENAGA_ADM", name: "Tenaga Administrasi", standardHours: 37.5 },
  });
  const nurse = await prisma.role.create({ data: { code: "PERAWAT", name: "Perawat", standardHours: 37.5 } });
  const puskesmas = await prisma.unit.create({
    data: { code: "PKM-01", name: "Puskesmas Salor", kind: "PUSKESMAS", agencyId: base.health.id },
  });
  const citra = await prisma.employee.create({
    data: {
      nip: "199002022015022003",
      name: "Citra Dewi",
      unitId: base.sd.id,
      roleId: admin.id,
      weeklyHours: 37.5,
      birthDate: new Date("1990-02-02"),
      postSince: new Date("2025-03-01"),
    },
  });
  await prisma.employee.create({
    data: {
      nip: "198806062012062004",
      name: "Dina Perawat",
      unitId: puskesmas.id,
      roleId: nurse.id,
      weeklyHours: 37.5,
      birthDate: new Date("1988-06-06"),
      postSince: new Date("2015-01-01"),
    },
  });
  const sdHead = await prisma.user.create({
    data: {
      telegramId: BigInt(sdHeadPerson.id),
      name: "Siti",
      role: "UNIT_HEAD",
      unitId: base.sd.id,
      agencyId: base.agency.id,
    },
  });
  const smpHead = await prisma.user.create({
    data: {
      telegramId: BigInt(smpHeadPerson.id),
      name: "Yohanes",
      role: "UNIT_HEAD",
      unitId: base.smp.id,
      agencyId: base.agency.id,
    },
  });
  const approver = await prisma.user.create({
    data: {
      telegramId: BigInt(approverPerson.id),
      name: "Maria",
      role: "HR_APPROVER",
      agencyId: base.agency.id,
    },
  });
  const hrGroup = await prisma.hrGroup.create({
    data: { chatId: BigInt(HR_CHAT_ID), title: "Tim Mutasi", agencyId: base.agency.id },
  });
  return { ...base, admin, nurse, puskesmas, citra, sdHead, smpHead, approver, hrGroup };
}

export interface Button {
  text: string;
  callback_data: string;
}

/** The inline buttons of the last message the bot sent with a keyboard. */
export function lastButtons(calls: ApiCall[]): Button[] {
  for (let i = calls.length - 1; i >= 0; i--) {
    const markup = calls[i]!.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    if (calls[i]!.method === "sendMessage" && markup?.inline_keyboard) return markup.inline_keyboard.flat();
  }
  return [];
}

/** callback_data of the last keyboard's button whose label contains `label`. */
export function buttonData(calls: ApiCall[], label: string): string {
  const button = lastButtons(calls).find((b) => b.text.includes(label));
  if (!button)
    throw new Error(`no button "${label}" in ${JSON.stringify(lastButtons(calls).map((b) => b.text))}`);
  return button.callback_data;
}

/** The text of the last answerCallbackQuery. */
export function lastAnswer(calls: ApiCall[]): string | undefined {
  const call = calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
  return call?.payload.text as string | undefined;
}
