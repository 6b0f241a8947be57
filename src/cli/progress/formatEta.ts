/**
 * An ETA for people: "estimating…" while there is no basis, never "0s" while work remains ("<1s"),
 * and rounded more the further away it is (5 s steps past two minutes, minutes past an hour), so
 * the figure does not flicker.
 */
export function formatEta(etaSeconds: number | null): string {
	if (etaSeconds === null) return 'estimating…';
	if (etaSeconds < 1) return '<1s';
	if (etaSeconds < 120) return `${Math.round(etaSeconds)}s`;
	if (etaSeconds < 3600) {
		const rounded = Math.round(etaSeconds / 5) * 5;
		return `${Math.floor(rounded / 60)}m${String(rounded % 60).padStart(2, '0')}s`;
	}
	const minutes = Math.round(etaSeconds / 60);
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
