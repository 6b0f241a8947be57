import type {Store} from '../store/Store.js';

/** The review line of `precis status`: how many summarized documents a person should check (their summary's check found a problem). */
export function formatReviewStatus(store: Store): {needsReview: number; text: string} {
	const needsReview = store.countNeedsReview();
	return {needsReview, text: `needs review: ${needsReview} document${needsReview === 1 ? '' : 's'} (precis export lists their unsupported facts)`};
}
