/**
 * A run of text on one baseline, in a frame turned so that its text flows toward +x and the next
 * line lies toward +y (down the page for ordinary text, leftward for vertical CJK columns).
 */
export interface PdfSegment {
	text: string;
	/** Start and end along the text direction. */
	x0: number;
	x1: number;
	/** Baseline position across the text direction. */
	y: number;
	/** Font size in points. */
	size: number;
	/** Quarter turns of the text direction on the displayed page: 0 upright, 1 vertical or turned 90°. */
	turn: number;
	/**
	 * Wide gaps between the items joined into this segment (wider than half a font size): where a
	 * column gutter or a table's cell gap may run through it. `at` is where the text after the gap starts.
	 */
	gaps?: PdfSegmentGap[];
	/** Set on a row written by readGridRows: the next row goes on with the table, whatever gap lies between. */
	tableRow?: true;
}

export interface PdfSegmentGap {
	at: number;
	x0: number;
	x1: number;
}
