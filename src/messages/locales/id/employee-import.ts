// Employee files as SIASN and Dapodik write them: honorer, the two sources disagreeing, their reasons.
export const employeeImport = {
  "import.honorers":
    "\nGuru honorer: {count} dicatat sebagai kapasitas sekolah ({created} baru, {updated} diubah, {unchanged} tetap)",
  "import.honorers_removed":
    "\nGuru honorer dihapus: {removed} (tidak lagi tercantum di Dapodik sekolahnya; jam mengajarnya tidak dihitung lagi)",
  "import.unit_conflicts":
    "\nUnit berbeda antara SIASN dan Dapodik: {count} pegawai (unit yang tersimpan tetap; daftarnya ada di CSV)",
  "import.field.golongan": "TMT golongan",
  "import.reject.sex_invalid": 'jenis kelamin "{value}" tidak dikenal; gunakan L/P (Laki-laki/Perempuan)',
  "import.reject.status_unknown": 'kedudukan hukum "{value}" tidak dikenal; yang dikenal: {allowed}',
  "import.reject.asn_kind_mismatch":
    'jenis pegawai "{value}" tidak cocok dengan nomornya, yang merupakan nomor {kind}',
  "import.reject.golongan_invalid": 'golongan "{value}" salah; gunakan {allowed}',
  "import.reject.dapodik_role_missing": "Jenis PTK kosong (wajib untuk pegawai baru)",
  "import.reject.dapodik_role_unknown":
    'jabatan untuk label Dapodik "{label}" tidak ditemukan: tambahkan label itu ke kolom dapodik di sheet jabatan',
  "import.reject.unit_conflict":
    "unit di SIASN ({siasn}) berbeda dengan Dapodik ({dapodik}); unit yang tersimpan tetap, data lainnya diimpor",
};
