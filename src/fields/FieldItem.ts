import type {FieldDefinition} from '../config/schema.js';

/** A field or a question, as the extraction stage asks it: questions are free-text items `q1`, `q2`… */
export interface FieldItem {
	/** The field's name, or `q<n>` for the n-th question. */
	id: string;
	kind: 'field' | 'question';
	type: FieldDefinition['type'];
	/** The field's description, or the question's text. */
	description: string;
	values?: readonly string[];
	required: boolean;
}

/** The items to extract, in report order: the fields, then the questions as q1, q2… */
export function toFieldItems(fields: readonly FieldDefinition[], questions: readonly string[]): FieldItem[] {
	return [
		...fields.map((field): FieldItem => ({
			id: field.name, kind: 'field', type: field.type, description: field.description ?? '', required: field.required ?? false,
			...(field.values === undefined ? {} : {values: field.values}),
		})),
		...questions.map((question, index): FieldItem => ({id: `q${index + 1}`, kind: 'question', type: 'string', description: question, required: false})),
	];
}
