/**
 * The state of a unit's staffing in words a map can colour: short of people (some hours nobody
 * covers), over-staffed (a whole person's hours to spare in a role), or balanced. A unit is short when
 * any role is short, over when none is short and some role is over.
 */
export type StaffingState = "short" | "balanced" | "over";

export function roleState(load: { unmet: number; surplus: number }, standardHours: number): StaffingState {
  if (load.unmet > 0) return "short";
  if (standardHours > 0 && load.surplus >= standardHours) return "over";
  return "balanced";
}

export function unitState(roles: readonly StaffingState[]): StaffingState {
  if (roles.includes("short")) return "short";
  if (roles.includes("over")) return "over";
  return "balanced";
}
