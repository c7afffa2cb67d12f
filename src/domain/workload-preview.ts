import { roleLoad, type RoleLoad } from "./workload.ts";

export interface PreviewStaff {
  id: number;
  roleId: number;
  weeklyHours: number;
  active: boolean;
}

export interface RolePreview extends RoleLoad {
  roleId: number;
  staff: number;
}

/**
 * What a workload report would make of each role before it is saved: the reported need against
 * the active staff's hours, with the hours the head typed in place of the recorded ones.
 */
export function previewWorkload(
  needs: Array<{ roleId: number; hoursNeeded: number }>,
  staff: PreviewStaff[],
  actualHours: Record<string, number>,
): RolePreview[] {
  return needs.map(({ roleId, hoursNeeded }) => {
    const people = staff.filter((s) => s.roleId === roleId && s.active);
    const capacity = people.reduce((sum, s) => sum + (actualHours[String(s.id)] ?? s.weeklyHours), 0);
    return { roleId, staff: people.length, ...roleLoad(hoursNeeded, capacity) };
  });
}
