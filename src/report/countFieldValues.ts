import type {ResolvedConfig} from '../config/schema.js';
import type {DocumentRecord} from '../store/DocumentRecord.js';
import type {FieldRecord} from '../store/FieldRecord.js';

/** How many documents have a value for one field or question. */
export interface FieldValueCount {
	/** The field's name, or `q<n>`. */
	id: string;
	/** Done documents whose current content has results for the pipeline's fields. */
	documents: number;
	/** Of those, how many have a value (not null), and how many of these values have their evidence in the source. */
	withValue: number;
	supported: number;
}

/** Per configured field and question, in report order: how many done documents have a value. */
export function countFieldValues(config: Pick<ResolvedConfig, 'fields' | 'questions'>, done: readonly DocumentRecord[], stored: ReadonlyMap<string, {sha256: string; items: FieldRecord[]}>): FieldValueCount[] {
	const ids = [...config.fields.map(field => field.name), ...config.questions.map((_, index) => `q${index + 1}`)];
	const counts = ids.map((id): FieldValueCount => ({id, documents: 0, withValue: 0, supported: 0}));
	for (const record of done) {
		const found = stored.get(record.path);
		if (found === undefined || found.sha256 !== record.sha256) continue;
		const items = new Map(found.items.map(item => [item.id, item]));
		for (const count of counts) {
			const item = items.get(count.id);
			if (item === undefined) continue;
			count.documents++;
			if (item.value !== null) count.withValue++;
			if (item.supported === true) count.supported++;
		}
	}
	return counts;
}
