/** An ISO 8601 time as "2026-11-27 08:15 UTC", for report headings and chart axes. */
export function formatUtcMinute(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
