// How an employee row finds its role: a plain file by code, SIASN by the jabatan's name, Dapodik
// by Jenis PTK + Mata Pelajaran against the labels of the jabatan sheet's `dapodik` column.
import { labelWords, matchDapodikLabel } from "./employee-dapodik.ts";

/** What the diff needs of a stored role. */
export interface RoleInfo {
  name: string;
  standardHours: number;
  isTeacher: boolean;
  /** Created by an import and not yet reviewed by an admin (perlu ditinjau). */
  needsReview: boolean;
}

/** Roles an import creates get the administrative default until an admin reviews them (perlu ditinjau). */
export const NEW_ROLE: Omit<RoleInfo, "name"> = { standardHours: 37.5, isTeacher: false, needsReview: true };

/** "Penata Laksana Barang" → "PENATA_LAKSANA_BARANG": the code of a role SIASN's jabatan name creates. */
export function roleCodeFromName(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "JABATAN"
  );
}

export class RoleIndex {
  private readonly byWords = new Map<string, string>();
  private readonly byLabel = new Map<string, string>();

  /** `labels`: each Dapodik label (as stored, any spacing) with its role code. */
  constructor(
    private readonly roles: ReadonlyMap<string, RoleInfo>,
    labels: Iterable<{ label: string; code: string }>,
  ) {
    for (const { label, code } of labels) this.byLabel.set(labelWords(label), code);
    for (const [code, role] of roles) {
      this.byWords.set(labelWords(code), code);
      this.byWords.set(labelWords(role.name), code);
    }
    // A label ("Guru Kelas SD") names its role as well as the role's own name does.
    for (const [words, code] of this.byLabel) if (!this.byWords.has(words)) this.byWords.set(words, code);
  }

  info(code: string): RoleInfo | null {
    return this.roles.get(code) ?? null;
  }

  /** SIASN: the jabatan without its jenjang, as a role name, a role code or a Dapodik label. */
  bySiasnName(name: string): string | null {
    return this.byWords.get(labelWords(name)) ?? null;
  }

  byDapodik(jenis: string, mapel: string | undefined): string | null {
    return matchDapodikLabel(this.byLabel, jenis, mapel);
  }
}
