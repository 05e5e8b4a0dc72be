/**
 * Identity values as the API returns them unmasked are bare digits; shown as people write them. Masked values
 * (`900101-2******`, `***-****-5678`) already carry their separators and pass through.
 */
export function formatRrn(value: string): string {
  return /^\d{13}$/.test(value) ? `${value.slice(0, 6)}-${value.slice(6)}` : value;
}

/** 01012345678 → 010-1234-5678, 0212345678 → 02-1234-5678, 0311234567 → 031-123-4567. */
export function formatPhone(value: string): string {
  if (!/^0\d{8,10}$/.test(value)) return value;
  const area = value.startsWith('02') ? 2 : 3;
  const rest = value.slice(area);
  const middle = rest.length - 4;
  return `${value.slice(0, area)}-${rest.slice(0, middle)}-${rest.slice(middle)}`;
}
