import type { employeeImport as id } from "../id/employee-import.ts";

export const employeeImport: Record<keyof typeof id, string> = {
  "import.honorers":
    "\nHonorary teachers: {count} recorded as school capacity ({created} new, {updated} changed, {unchanged} unchanged)",
  "import.honorers_removed":
    "\nHonorary teachers removed: {removed} (no longer on their school's Dapodik roster; their hours no longer count)",
  "import.unit_conflicts":
    "\nUnit differs between SIASN and Dapodik: {count} employees (the stored unit was kept; listed in the CSV)",
  "import.field.golongan": "TMT golongan",
  "import.reject.sex_invalid": 'sex "{value}" is unknown; use L/P (Laki-laki/Perempuan) or M/F',
  "import.reject.status_unknown": 'kedudukan hukum "{value}" is unknown; known values: {allowed}',
  "import.reject.asn_kind_mismatch":
    'jenis pegawai "{value}" does not match the number, which is a {kind} number',
  "import.reject.golongan_invalid": 'golongan "{value}" is wrong; use {allowed}',
  "import.reject.dapodik_role_missing": "Jenis PTK is empty (required for a new employee)",
  "import.reject.dapodik_role_unknown":
    'role for Dapodik label "{label}" not found: add it to the jabatan sheet\'s dapodik column',
  "import.reject.unit_conflict":
    "unit in SIASN ({siasn}) differs from Dapodik ({dapodik}); the stored unit was kept, the rest imported",
};
