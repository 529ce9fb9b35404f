/** "256 KB", "0,5 KB", "300,2 KB" — kilobytes of 1024 bytes, pt-BR decimal comma. */
export function formatKilobytes(bytes: number): string {
  const kilobytes = Math.round((bytes / 1024) * 10) / 10;
  return `${String(kilobytes).replace('.', ',')} KB`;
}
