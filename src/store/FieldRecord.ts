/** A typed field value: dates are ISO 8601 days (`2024-05-31`); null means "not stated". */
export type FieldValue = string | number | boolean | string[] | null;

/** One field's (or question's) result for a document, as stored and exported. */
export interface FieldResult {
	value: FieldValue;
	/** Verbatim quotes from the document that state the value; empty when the value is null. */
	evidence: string[];
	/** 1-based pages where the evidence was found in the source, ascending. */
	pages: number[];
	/** Whether the evidence was found in the source; null when the value is null. */
	supported: boolean | null;
	/** Other values that other parts of the document gave (single-value fields). */
	conflicts: FieldValue[];
	/** Why a model's answer was dropped or doubted. */
	warnings: string[];
}

/** A document's field or answer in report order, as `document_fields` holds it. */
export interface FieldRecord extends FieldResult {
	/** The field's name, or `q<n>` for the n-th question. */
	id: string;
	kind: 'field' | 'question';
	/** The question's text (questions only). */
	question?: string;
}
