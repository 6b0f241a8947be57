/** The known text of the OCR fixtures: plain English prose, each entry one page. */
export const knownText = {
	scannedPages: [
		'The harbour commission met on the third of March to review the dredging contract. Members agreed that the northern channel must be cleared before the autumn storms, and asked the engineer for a revised estimate of the cost.',
		'The engineer reported that the pumping station needs two new valves and a replacement motor. Deliveries are expected within six weeks, and the work can be finished before the end of summer if the weather holds.',
	],
	skewedPage: 'A scanned letter is rarely placed straight on the glass. This page was turned by two degrees before it was captured, as happens when a sheet is fed by hand into an office copier.',
	noisyPage: 'Old photocopies collect specks of dust and toner. This page carries random black and white dots across its surface, the kind of noise that a fax machine adds to every sheet it sends.',
	/** A clean page, then a page scanned out of focus: Tesseract reads the second with a low confidence. */
	lowConfidencePages: [
		'The archive keeps every minute of the board since its first meeting, bound by year and indexed by subject.',
		'This copy was scanned with the lens out of focus, so that its letters run into each other and can hardly be told apart.',
	],
	mixedTextLayer: [
		'This first page was typed in a word processor and keeps its text layer, so nothing on it needs optical character recognition.',
		'This last page also comes from the word processor, and its text is read directly from the file like any other document.',
	],
	mixedScannedPage: 'The middle page was printed, signed by hand and scanned back in. Only this page should be read by recognition.',
	imagePage: 'Invoice number 4471 was paid in full on the twelfth of May. Please keep this receipt for your records.',
	tiffPages: [
		'Facsimile transmission, page one of two.',
		'The shipment leaves the warehouse on Friday.',
	],
};
