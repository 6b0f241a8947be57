/**
 * The style sheet and the script inlined in every HTML report (no network: no fonts, no links).
 * Cards skip layout while off screen (`content-visibility`), so thousands of them open quickly.
 */
export const htmlReportStyle = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#dde1e8;--accent:#2f5fb3;
--done:#1f7a44;--failed:#b3261e;--pending:#8a6d00;--mark:#ffe08a}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a3acbd;--bg:#14171c;--card:#1d2129;--line:#333a46;--accent:#8ab4ff;
--done:#6fcf97;--failed:#ff8a80;--pending:#e6c35c;--mark:#6b5a1a}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}h3{font-size:1.05em;margin:0;overflow-wrap:anywhere}h4{margin:.6em 0 .2em;font-size:.95em}
.scope,.meta,.path,.kind,.pages{color:var(--muted)}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere;margin:.2em 0}
.meta{font-size:.85em;margin:.2em 0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:8px 0;padding:0;list-style:none}
.figures li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.figures b{display:block;font-size:1.3em}
table{border-collapse:collapse;width:100%;background:var(--card);font-size:.9em}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px}
.chart svg{display:block;width:100%;height:110px;border-bottom:1px solid var(--line)}.chart .bar{fill:var(--accent)}
.chart figcaption{display:flex;justify-content:space-between;flex-wrap:wrap;color:var(--muted);font-size:.8em;padding-top:4px}
.chart .total{flex-basis:100%;text-align:center}
.controls{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:8px 0;background:var(--bg)}
.controls input[type=search]{flex:1 1 220px;font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
.controls select{font:inherit;padding:5px;border-radius:6px;border:1px solid var(--line);background:var(--card);color:var(--fg)}
#shown{color:var(--muted);font-size:.9em}
.cards{display:grid;gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;padding:10px 14px;
content-visibility:auto;contain-intrinsic-size:auto 200px}
.card.done{border-left-color:var(--done)}.card.failed{border-left-color:var(--failed)}.card.pending,.card.running{border-left-color:var(--pending)}
.card header{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.badge{font-size:.75em;padding:1px 7px;border-radius:10px;border:1px solid currentColor}
.badge.done{color:var(--done)}.badge.failed{color:var(--failed)}.badge.pending,.badge.running,.badge.review,.badge.warned{color:var(--pending)}
.summary{white-space:pre-wrap;margin:.4em 0}
.points{margin:.3em 0;padding-left:1.3em}
mark{background:var(--mark);color:inherit;border-radius:3px;padding:0 2px}
.error code{color:var(--failed);font-weight:600}.error,.fix{margin:.3em 0}
.uncited{color:var(--failed)}
.warnings{border-left:3px solid var(--pending);padding-left:10px;margin:.4em 0}.warnings ul{margin:.2em 0;padding-left:1.3em}
details summary{cursor:pointer;color:var(--accent)}
[hidden]{display:none!important}
@media (max-width:600px){main{padding:10px}body{font-size:14px}}
@media print{.controls{display:none}body{background:#fff}.card{break-inside:avoid;content-visibility:visible}details>*{display:block}}
`;

/** Filters the cards by the search words (all must occur), the status, "needs review" and "with warnings". */
export const htmlReportScript = `
(() => {
	const cards = Array.from(document.querySelectorAll('.card'));
	const search = document.getElementById('search');
	const status = document.getElementById('status');
	const review = document.getElementById('review');
	const warned = document.getElementById('warned');
	const shown = document.getElementById('shown');
	let texts;
	let timer;
	const readTexts = () => { texts = texts || cards.map(card => card.textContent.toLowerCase()); };
	function apply() {
		readTexts();
		const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
		let count = 0;
		cards.forEach((card, index) => {
			const visible = (status.value === '' || card.dataset.status === status.value)
				&& (!review.checked || card.dataset.review === 'true')
				&& (!warned.checked || card.dataset.warnings === 'true')
				&& words.every(word => texts[index].includes(word));
			if (card.hidden === visible) card.hidden = !visible;
			if (visible) count++;
		});
		shown.textContent = count + ' of ' + cards.length + ' documents shown';
	}
	search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, cards.length > 500 ? 150 : 0); });
	status.addEventListener('change', apply);
	review.addEventListener('change', apply);
	warned.addEventListener('change', apply);
	// Read the cards' text once the page is idle, so that the first search does not wait for it.
	addEventListener('load', () => (window.requestIdleCallback || setTimeout)(readTexts));
})();
`;
