/**
 * Batas usia pensiun (BUP), PP 11/2017 Pasal 239 as amended by PP 17/2020: 58 for pejabat
 * administrasi and JF ahli pertama, ahli muda and keterampilan; 60 for pejabat pimpinan tinggi and
 * JF ahli madya; 65 for JF ahli utama. Teachers retire at 60 (UU 14/2005 Pasal 40).
 * A role may override all of this (a jabatan sheet's `bup`, `roles set --bup`).
 */

/** Jenjang jabatan fungsional (level of a functional post), keahlian then keterampilan. */
export type Jenjang =
  "AHLI_PERTAMA" | "AHLI_MUDA" | "AHLI_MADYA" | "AHLI_UTAMA" | "PEMULA" | "TERAMPIL" | "MAHIR" | "PENYELIA";

/** What the regulation looks at; every field is optional, an empty post is administrative. */
export interface RetirementPost {
  isTeacher?: boolean;
  /** A kepala sekolah: a teacher with an additional task (Permendikbudristek 40/2021), so a teacher's BUP. */
  principal?: boolean;
  /** Jabatan pimpinan tinggi (eselon I–II): kepala dinas, sekretaris daerah... */
  pimpinanTinggi?: boolean;
  jenjang?: Jenjang | null;
  /** The role's own BUP, when an admin has set one. */
  override?: number | null;
}

export const RETIREMENT_AGE = {
  default: 58,
  teacher: 60,
  pimpinanTinggi: 60,
  ahliMadya: 60,
  ahliUtama: 65,
} as const;

export function retirementAge(post: RetirementPost): number {
  if (post.override !== null && post.override !== undefined) return post.override;
  // A teacher's age is set by law (UU 14/2005 Pasal 40), which Pasal 239(3) leaves in force: a guru ahli utama retires at 60 too.
  if (post.isTeacher || post.principal) return RETIREMENT_AGE.teacher;
  if (post.jenjang === "AHLI_UTAMA") return RETIREMENT_AGE.ahliUtama;
  if (post.pimpinanTinggi) return RETIREMENT_AGE.pimpinanTinggi;
  if (post.jenjang === "AHLI_MADYA") return RETIREMENT_AGE.ahliMadya;
  return RETIREMENT_AGE.default;
}

/** "Ahli Madya", "ahli-madya", "Guru Ahli Madya", "Penyelia": the jenjang in a SIASN or Dapodik text, or null. */
export function parseJenjang(text: string): Jenjang | null {
  const words = text.toLowerCase().replace(/[^a-z]+/g, " ");
  const ahli = /\bahli (pertama|muda|madya|utama)\b/.exec(words);
  if (ahli) return `AHLI_${ahli[1]!.toUpperCase()}` as Jenjang;
  const skill = /\b(pemula|terampil|mahir|penyelia)\b/.exec(words);
  return skill ? (skill[1]!.toUpperCase() as Jenjang) : null;
}

/**
 * A role for a school's head ("Kepala Sekolah", Dapodik's Jenis PTK; code KEPSEK): the head is a
 * teacher given the additional task of leading the school, and retires as a teacher at 60.
 */
export function isPrincipalRole(role: { code?: string; name?: string }): boolean {
  return /^KEPSEK$|^KEPALA_SEKOLAH$/i.test(role.code ?? "") || /\bkepala sekolah\b/i.test(role.name ?? "");
}

/** A role's BUP by the regulation (no person's jenjang): 60 for teachers and principals, else 58. */
export function roleRetirementAge(role: { isTeacher: boolean; code?: string; name?: string }): number {
  return retirementAge({ isTeacher: role.isTeacher, principal: isPrincipalRole(role) });
}

/** What a role says about retirement: its stored BUP counts only when an admin set it. */
export interface RetirementRole {
  retirementAge: number;
  retirementAgeSet: boolean;
  isTeacher: boolean;
  code?: string;
  name?: string;
}

/** What a person's record says: jenjang ("AHLI_MADYA", as stored) and SIASN's kind of post. */
export interface RetirementPerson {
  jenjang?: string | null;
  jabatanKind?: string | null;
}

/**
 * One person's BUP: the role's when an admin set it (it overrides the regulation for everyone in
 * the role), else Pasal 239 with the person's jenjang and the role's teacher flag. Eligibility and
 * the retirement job both read it here, so they never disagree about a date.
 */
export function personRetirementAge(role: RetirementRole | undefined, person: RetirementPerson): number {
  if (role?.retirementAgeSet) return role.retirementAge;
  return retirementAge({
    isTeacher: role?.isTeacher ?? false,
    principal: role !== undefined && isPrincipalRole(role),
    // Stored as AHLI_MADYA; parseJenjang reads that as well as a SIASN text left as written.
    jenjang: parseJenjang(person.jenjang ?? ""),
    pimpinanTinggi: /pimpinan tinggi/i.test(person.jabatanKind ?? ""),
  });
}
