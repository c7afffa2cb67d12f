import { distanceKm, type Instance } from "../input/instance.ts";
import { cellDegrees, ROUNDING_KM, unitCells, type UnitCell } from "../input/unit-cells.ts";

/** What the surplus of one source role offers one unit: counts over its keys at other units. */
export interface Offer {
  surplus: number;
  reached: number;
  movable: number;
  available: number;
  /** Available at origins that may still send. */
  open: number;
  /**
   * Origin units that hold available candidates but may send no more, in lists shared with the cells
   * they come from (repeats allowed; `cappedOrigins` reads them). A cell taken whole brings the unit's
   * own key too, so the unit itself may be listed here, where it is no origin of its own.
   */
  capped: (readonly number[])[];
}

/** What each (unit, role) can give after the plan, as why-nots count it (shortfalls.ts). */
export interface OfferSupply {
  /** Per role, the keys (unit · roleCount + role) with spare hours before the plan. */
  surplusKeys: readonly (readonly number[])[];
  movable: Int32Array;
  /** Movable people still at home after the plan who could leave without leaving a shortage there. */
  available: Int32Array;
}

/** Movable people of a surplus key who may go to a unit (a rejection there bars them), and those free to. */
function candidatesAt(supply: OfferSupply, other: number, barredAt: ReadonlyMap<number, number> | undefined) {
  const movable = Math.max(0, (supply.movable[other] ?? 0) - (barredAt?.get(other) ?? 0));
  return { movable, available: Math.min(supply.available[other] ?? 0, movable) };
}

/**
 * Adds what one key offers to `offer`, its origin to `capped` if that may send no more (by `sign` −1:
 * takes the counts away again; the origin, the unit's own, is skipped where origins are read).
 */
function addKey(
  offer: Offer,
  capped: number[],
  available: number,
  movable: number,
  from: number,
  full: boolean,
  sign = 1,
): void {
  offer.reached += sign;
  offer.movable += sign * movable;
  offer.available += sign * available;
  if (!full) offer.open += sign * available;
  else if (available > 0 && sign > 0) capped.push(from);
}

/**
 * The surplus keys of a source role as seen from one unit, key by key: reach is tested once per origin
 * unit for the unit (`reachFrom`), and a rejection remembered for the unit bars its movable people there.
 * The definition `OfferIndex` must agree with (test/domain/balance/offers.test.ts).
 */
export function offerByKeys(
  instance: Instance,
  supply: OfferSupply,
  source: number,
  unit: number,
  reachFrom: (from: number) => boolean,
  barredAt: ReadonlyMap<number, number> | undefined,
  originFull: (unit: number) => boolean,
): Offer {
  const capped: number[] = [];
  const offer: Offer = { surplus: 0, reached: 0, movable: 0, available: 0, open: 0, capped: [capped] };
  for (const other of supply.surplusKeys[source] ?? []) {
    const from = Math.floor(other / instance.roleCount);
    if (from === unit) continue;
    offer.surplus++;
    if (!reachFrom(from)) continue;
    const { movable, available } = candidatesAt(supply, other, barredAt);
    addKey(offer, capped, available, movable, from, originFull(from));
  }
  return offer;
}

/**
 * Surplus keys of one source role whose origins lie close together, with their sums; `everywhere`:
 * reached from every unit (origins without coordinates, or no distance bound at all).
 */
type Cell = UnitCell<number> & { sums: Offer };

/**
 * What every source role offers each unit, from sums over cells of nearby origins instead of every key
 * (why-nots on XL, 10,000 units and 22,600 needs still short, spent 7.4 s summing key by key). A cell
 * whose origins are all within reach of the unit adds its sums, one wholly beyond reach adds nothing:
 * both decided by the triangle inequality from the cell's centre and radius, with a millimetre to spare.
 * Only the cells in between are summed key by key. A unit where rejections bar some candidates, or
 * without coordinates, is summed key by key.
 */
export class OfferIndex {
  private readonly cells: Cell[][];
  /** Per source role, the cell each of its surplus keys is in. */
  private readonly cellOfKey: Map<number, Cell>[];

  constructor(
    private readonly instance: Instance,
    private readonly supply: OfferSupply,
    private readonly originFull: (unit: number) => boolean,
  ) {
    this.cells = supply.surplusKeys.map((keys) => this.gather(keys));
    this.cellOfKey = this.cells.map(
      (cells) => new Map(cells.flatMap((cell) => cell.items.map((key) => [key, cell]))),
    );
  }

  offerTo(
    source: number,
    unit: number,
    reachFrom: (from: number) => boolean,
    barredAt: ReadonlyMap<number, number> | undefined,
  ): Offer {
    const { instance, supply, originFull } = this;
    if (barredAt !== undefined || !instance.hasCoordinates[unit])
      return offerByKeys(instance, supply, source, unit, reachFrom, barredAt, originFull);
    const offer = empty();
    const capped: number[] = [];
    offer.capped.push(capped);
    for (const cell of this.cells[source] ?? []) {
      offer.surplus += cell.items.length;
      const reach = this.reach(cell, unit);
      if (reach === "all") add(offer, cell.sums);
      else if (reach === "some")
        for (const key of cell.items) {
          const from = Math.floor(key / instance.roleCount);
          if (from !== unit && reachFrom(from)) this.addKey(offer, capped, key, 1);
        }
    }
    // The unit's own key is in no offer: a cell taken whole brought it, and it must go again.
    const own = unit * instance.roleCount + source;
    const ownCell = this.cellOfKey[source]?.get(own);
    if (ownCell !== undefined) {
      offer.surplus--;
      if (this.reach(ownCell, unit) === "all") this.addKey(offer, capped, own, -1);
    }
    return offer;
  }

  /** Whether every origin of a cell is within reach of a unit, none is, or some may be. */
  private reach(cell: Cell, unit: number): "all" | "none" | "some" {
    if (cell.everywhere) return "all";
    const apart = distanceKm(this.instance, unit, cell.centre);
    const reachKm = this.instance.maxDistanceKm;
    if (apart + cell.radiusKm <= reachKm - ROUNDING_KM) return "all";
    return apart - cell.radiusKm > reachKm + ROUNDING_KM ? "none" : "some";
  }

  private addKey(offer: Offer, capped: number[], key: number, sign: number): void {
    const from = Math.floor(key / this.instance.roleCount);
    const { movable, available } = candidatesAt(this.supply, key, undefined);
    addKey(offer, capped, available, movable, from, this.originFull(from), sign);
  }

  /** Cells of a grid about a third of the distance bound across; one cell when there is no bound. */
  private gather(keys: readonly number[]): Cell[] {
    const { instance } = this;
    const unitOf = (key: number) => Math.floor(key / instance.roleCount);
    return unitCells(instance, keys, unitOf, cellDegrees(instance)).map((cell) => {
      const capped: number[] = [];
      const sums: Offer = { ...empty(), capped: [capped] };
      for (const key of cell.items) this.addKey(sums, capped, key, 1);
      return { ...cell, sums };
    });
  }
}

function empty(): Offer {
  return { surplus: 0, reached: 0, movable: 0, available: 0, open: 0, capped: [] };
}

function add(offer: Offer, sums: Offer): void {
  offer.reached += sums.reached;
  offer.movable += sums.movable;
  offer.available += sums.available;
  offer.open += sums.open;
  for (const list of sums.capped) offer.capped.push(list);
}

/**
 * The distinct origins in some offers' capped lists, the unit itself left out: how many, and the
 * `listed` first in input order. One pass with a stamp per origin, no set and no sort of them all: on
 * XL, 22,600 needs with thousands of capped origins each took 3.7 s by set and sort.
 */
export function cappedOrigins(
  lists: readonly (readonly number[])[],
  unit: number,
  listed: number,
  seen: { stamps: Int32Array; stamp: number },
): { count: number; first: number[] } {
  seen.stamp++;
  const first: number[] = [];
  let count = 0;
  for (const list of lists)
    for (const origin of list) {
      if (origin === unit || seen.stamps[origin] === seen.stamp) continue;
      seen.stamps[origin] = seen.stamp;
      count++;
      if (first.length === listed && origin > (first[listed - 1] ?? -1)) continue;
      let at = first.length;
      while (at > 0 && (first[at - 1] ?? -1) > origin) at--;
      first.splice(at, 0, origin);
      if (first.length > listed) first.pop();
    }
  return { count, first };
}
