import { z } from "zod";
import { writeAudit } from "../../db/audit.ts";
import type { DbTx } from "../../db/client.ts";

interface Actor {
  id?: number | null;
  name: string;
}

const postsSchema = z.object({
  unitId: z.number().int().positive(),
  roleId: z.number().int().positive(),
  posts: z.number().int().positive(),
  now: z.date(),
  note: z.string().trim().min(1).max(200),
});

/**
 * People arrived in a unit and role: as many open posts close there, oldest vacancy first. Each
 * vacancy's count goes down; at 0 it is FILLED with the time and the note. Runs in the caller's
 * transaction (the transfer's or the import's), guarded by the count it read, so two arrivals at
 * once never close one post twice. Returns the posts closed (never more than were open).
 */
export async function closeVacancyPosts(
  db: DbTx,
  raw: z.input<typeof postsSchema> & { actor: Actor; details?: Record<string, string | number> },
): Promise<number> {
  const input = postsSchema.parse(raw);
  const open = await db.vacancy.findMany({
    where: { unitId: input.unitId, roleId: input.roleId, status: "OPEN", count: { gt: 0 } },
    orderBy: [{ since: "asc" }, { id: "asc" }],
  });
  let left = input.posts;
  let closed = 0;
  for (const vacancy of open) {
    if (left === 0) break;
    const take = Math.min(vacancy.count, left);
    const remaining = vacancy.count - take;
    const { count } = await db.vacancy.updateMany({
      where: { id: vacancy.id, status: "OPEN", count: vacancy.count },
      data:
        remaining === 0
          ? { count: 0, status: "FILLED", closedAt: input.now, closedNote: input.note }
          : { count: remaining },
    });
    if (count === 0) continue;
    left -= take;
    closed += take;
    await writeAudit(db, {
      actorId: raw.actor.id ?? null,
      actorName: raw.actor.name,
      action: remaining === 0 ? "vacancy.fill" : "vacancy.fill_post",
      entity: "vacancy",
      entityId: vacancy.id,
      details: { posts: take, before: vacancy.count, after: remaining, note: input.note, ...raw.details },
    });
  }
  return closed;
}

/** A person as an import saw them: the unit and role by code. */
export interface PlacedEmployee {
  unitCode: string;
  roleCode: string;
}

/**
 * After an import's writes: everyone it added to a unit and role (new, or moved there) fills an
 * open post of it. Returns the posts closed per "UNIT>ROLE".
 */
export async function closeFilledVacancies(
  db: DbTx,
  input: {
    before: ReadonlyMap<string, PlacedEmployee>;
    after: ReadonlyArray<PlacedEmployee & { nip: string }>;
    now: Date;
    source: string;
    actor: Actor;
  },
): Promise<Map<string, number>> {
  const arrivals = new Map<string, { unitCode: string; roleCode: string; nips: string[] }>();
  for (const person of input.after) {
    const was = input.before.get(person.nip);
    if (was && was.unitCode === person.unitCode && was.roleCode === person.roleCode) continue;
    const key = `${person.unitCode}>${person.roleCode}`;
    const entry = arrivals.get(key) ?? { unitCode: person.unitCode, roleCode: person.roleCode, nips: [] };
    entry.nips.push(person.nip);
    arrivals.set(key, entry);
  }
  const closed = new Map<string, number>();
  if (arrivals.size === 0) return closed;
  // One query for what is open anywhere: most imports meet no vacancy at all.
  const open = await db.vacancy.findMany({
    where: { status: "OPEN", count: { gt: 0 } },
    select: { unit: { select: { id: true, code: true } }, role: { select: { id: true, code: true } } },
  });
  const ids = new Map(
    open.map((v) => [`${v.unit.code}>${v.role.code}`, { unitId: v.unit.id, roleId: v.role.id }]),
  );
  for (const [key, arrival] of arrivals) {
    const where = ids.get(key);
    if (!where) continue;
    const posts = await closeVacancyPosts(db, {
      ...where,
      posts: arrival.nips.length,
      now: input.now,
      note: `diisi oleh impor ${input.source}`.slice(0, 200),
      actor: input.actor,
      details: { source: input.source, nips: arrival.nips.join(",") },
    });
    if (posts > 0) closed.set(key, posts);
  }
  return closed;
}
