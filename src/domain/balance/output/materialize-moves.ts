import { choosePeople } from "./choose-people.ts";
import type { MoveIndex } from "./evaluate.ts";
import type { Transfer } from "../exact/pairing.ts";
import type { Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";

/**
 * Turns counts into people. Within a pool everyone leaving one unit is interchangeable for the
 * destination, so people are taken group by group, lowest NIP first, and handed to destinations in
 * unit order: the same solution always names the same people. Then, among the people leaving each
 * unit, volunteers and stated destinations decide who goes where (tiers 5 and 6 of plan v2, see
 * choose-people.ts).
 */
export function materializeMoves(
  instance: Instance,
  network: Network,
  feedCounts: readonly number[],
  transfers: readonly Transfer[],
): MoveIndex[] {
  const nextMember = new Int32Array(instance.groups.length);
  const leaving = new Map<string, number[]>();
  network.feeds.forEach((feed, index) => {
    const group = instance.groups[feed.group];
    if (group === undefined) return;
    const name = `${feed.pool}|${group.unit}`;
    const people = leaving.get(name) ?? [];
    for (let taken = 0; taken < (feedCounts[index] ?? 0); taken++) {
      const member = group.members[nextMember[feed.group] ?? 0];
      nextMember[feed.group] = (nextMember[feed.group] ?? 0) + 1;
      if (member !== undefined) people.push(member);
    }
    leaving.set(name, people);
  });
  const ordered = [...transfers].sort((a, b) => a.pool - b.pool || a.from - b.from || a.to - b.to);
  const moves: MoveIndex[] = [];
  const cursor = new Map<string, number>();
  for (const transfer of ordered) {
    const name = `${transfer.pool}|${transfer.from}`;
    const people = leaving.get(name) ?? [];
    const role = network.pools[transfer.pool]?.role ?? 0;
    for (let taken = 0; taken < transfer.count; taken++) {
      const position = cursor.get(name) ?? 0;
      cursor.set(name, position + 1);
      const employee = people[position];
      if (employee === undefined) throw new Error(`pairing sends more people from ${name} than leave it`);
      moves.push({ employee, to: transfer.to, role });
    }
  }
  return choosePeople(instance, moves);
}
