/** Retirement, cuti and tugas belajar, vacancies that close or are withdrawn (issue 13). */
export const lifecycle = {
  "jabatan.bup.rule": "menurut aturan",
  "jabatan.bup.set": "ditetapkan admin",
};
