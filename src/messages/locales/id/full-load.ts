/**
 * The private notice to a certified teacher teaching under the standard JP (tunjangan profesi needs
 * 24 JP, PP 74/2008 Pasal 52): where hours are still short after the latest balancing check.
 */
export const fullLoad = {
  "full_load.places":
    "<b>Info beban mengajar</b>\nAnda tercatat mengajar {taught} dari {standard} JP. Setelah pemeriksaan keseimbangan terakhir, unit terdekat yang masih kekurangan jam untuk jabatan Anda:\n{lines}\nBila berminat, sampaikan ke kepala sekolah atau tim mutasi; Anda juga dapat menyatakan kesediaan dan pilihan tujuan di /saya.",
  "full_load.line": "• {unit} ({code}){distance}: kurang {short}",
  "full_load.distance": ", {km} km",
  "full_load.short": "{hours} JP {role}",
  "full_load.none":
    "<b>Info beban mengajar</b>\nAnda tercatat mengajar {taught} dari {standard} JP. Saat ini belum ada unit yang kekurangan jam untuk jabatan Anda, jadi beban penuh belum tersedia. Tim mutasi sudah mengetahui hal ini.",
} as const;
