import type { DbTx } from "../../db/client.ts";
import { loadUnitHead } from "../../db/unit-head.ts";
import type { OpenVacancy } from "./withdraw-vacancy.ts";

/** A head's own unit and its open vacancies, oldest first (what the withdraw list shows). */
export async function listOpenVacancies(
  db: DbTx,
  input: { userId: number },
): Promise<{ unitName: string; vacancies: OpenVacancy[] }> {
  const head = await loadUnitHead(db, input.userId);
  const vacancies = await db.vacancy.findMany({
    where: { unitId: head.unitId!, status: "OPEN" },
    include: { role: true },
    orderBy: [{ since: "asc" }, { id: "asc" }],
  });
  return { unitName: head.unit.name, vacancies };
}
