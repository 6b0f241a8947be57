import cliProgress from 'cli-progress';

export interface ProgressScreen {
	/** Redraws the progress lines in place (the next redraw, within a tenth of a second). */
	show: (lines: readonly string[]) => void;
	/** Prints a line above the progress lines. */
	log: (text: string) => void;
	stop: () => void;
}

/**
 * Progress lines kept at the bottom of a terminal (stderr), redrawn in place by cli-progress: one
 * of its bars per line, each drawing the text it is given, cut to the terminal's width.
 */
export function createProgressScreen(): ProgressScreen {
	const screen = new cliProgress.MultiBar({
		format: (_options, params, payload: {line?: string}) => (payload.line ?? '').slice(0, params.maxWidth),
		hideCursor: true, clearOnComplete: false, stream: process.stderr, linewrap: false,
	});
	const rows: cliProgress.SingleBar[] = [];
	return {
		show(lines) {
			while (rows.length > lines.length) screen.remove(rows.pop()!);
			for (const [index, line] of lines.entries()) {
				const row = rows[index];
				if (row === undefined) rows.push(screen.create(1, 0, {line}));
				else row.update({line});
			}
		},
		log: text => screen.log(`${text}\n`),
		stop: () => screen.stop(),
	};
}
