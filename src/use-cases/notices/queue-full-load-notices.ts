import type { DbTx } from "../../db/client.ts";
import type { District } from "../../db/read-district.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { Plan } from "../../domain/balance/index.ts";
import { fullLoadPlaces, type FullLoadUnit } from "../../domain/full-load.ts";
import { Html, isLocale, translate, type Locale } from "../../messages/locales/index.ts";

/**
 * After a balancing check, each joined employee (an active EMPLOYEE account) who is certified and teaches
 * under the standard JP is told privately where hours are still short after the plan, nearest first, or
 * that none is now (not those the plan moves or who have a proposal in flight). Queued in the check's
 * transaction; the dedupe key per person and period (YYYY-MM) makes it at most once a month however
 * often the check runs. Returns how many were queued now.
 */
export async function queueFullLoadNotices(
  db: DbTx,
  input: { district: District; plan: Plan; locale: Locale },
): Promise<number> {
  const { district, plan } = input;
  // Someone this plan moves, or with a proposal in flight, hears about that proposal instead: a list
  // of other schools beside it would read as a second offer.
  const moving = new Set(plan.moves.map((move) => move.employee));
  const under = district.employees.filter(
    (e) => e.certifiedUnderStandard && !moving.has(e.nip) && !e.eligibility.reasons.includes("pending"),
  );
  if (under.length === 0) return 0;
  // Every joined employee, matched below: a province's teachers under the standard are more ids than
  // one query may list (Prisma takes at most 32,766 parameters), the joined accounts far fewer.
  const users = await db.user.findMany({
    where: { role: "EMPLOYEE", active: true, employeeId: { not: null } },
    orderBy: { id: "asc" },
  });
  if (users.length === 0) return 0;

  const unitById = new Map(district.units.map((u) => [u.id, u]));
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  const roleByCode = new Map(district.roles.map((r) => [r.code, r]));
  const units = new Map<string, FullLoadUnit>(
    district.units.map((u) => [u.code, { code: u.code, name: u.name, lat: u.lat, lon: u.lon }]),
  );
  const employeeById = new Map(under.map((e) => [e.id, e]));
  let queued = 0;
  for (const user of users) {
    const employee = employeeById.get(user.employeeId ?? -1);
    const role = roleById.get(employee?.roleId ?? -1);
    const unit = unitById.get(employee?.unitId ?? -1);
    if (employee === undefined || role === undefined || unit === undefined) continue;
    const fillable = new Set([
      role.code,
      ...district.compatibility
        .filter((c) => c.fromRoleId === role.id)
        .map((c) => roleById.get(c.toRoleId)?.code)
        .filter((code) => code !== undefined),
    ]);
    const places = fullLoadPlaces({ unit: unit.code, role: role.code, fillable, units, loads: plan.units });
    const locale = isLocale(user.locale) ? user.locale : input.locale;
    const numbers = { taught: employee.hoursTaught ?? 0, standard: role.standardHours };
    const lines = places.map((place) =>
      translate(locale, "full_load.line", {
        unit: place.unit.name,
        code: place.unit.code,
        distance: new Html(
          place.km === null
            ? ""
            : translate(locale, "full_load.distance", { km: Math.round(place.km * 10) / 10 }),
        ),
        short: new Html(
          place.short
            .map((s) =>
              translate(locale, "full_load.short", {
                hours: s.hours,
                role: roleByCode.get(s.role)?.name ?? s.role,
              }),
            )
            .join(", "),
        ),
      }),
    );
    const text =
      places.length > 0
        ? translate(locale, "full_load.places", { ...numbers, lines: new Html(lines.join("\n")) })
        : translate(locale, "full_load.none", numbers);
    const fresh = await enqueueMessage(db, {
      dedupeKey: `full-load:${employee.id}:${district.period}`,
      chatId: user.telegramId,
      method: "sendMessage",
      payload: { chat_id: user.telegramId.toString(), text },
      priority: PRIORITY.notice,
    });
    if (fresh) queued++;
  }
  return queued;
}
