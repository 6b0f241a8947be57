import type Database from 'better-sqlite3';

/** The statements of the `verifications` table (migration 0004), prepared once per connection. */
export function prepareVerificationStatements(db: Database.Database) {
	return {
		putVerification: db.prepare(`INSERT INTO verifications
			(path, sha256, summary, verify_key, needs_review, citations, unsupported_facts, repair, checked_at)
			VALUES (@path, @sha256, @summary, @verifyKey, @needsReview, @citations, @unsupportedFacts, @repair, @now)
			ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, summary = excluded.summary, verify_key = excluded.verify_key,
			needs_review = excluded.needs_review, citations = excluded.citations, unsupported_facts = excluded.unsupported_facts,
			repair = excluded.repair, checked_at = excluded.checked_at`),
		/** The check of a document's current summary; none when the row checked another summary. */
		getVerification: db.prepare(`SELECT v.verify_key AS verifyKey, v.needs_review AS needsReview, v.citations,
			v.unsupported_facts AS unsupportedFacts, v.repair
			FROM verifications v JOIN documents d ON d.path = v.path AND d.summary = v.summary AND d.sha256 = v.sha256
			WHERE v.path = ?`),
		countNeedsReview: db.prepare(`SELECT count(*) AS count FROM verifications v
			JOIN documents d ON d.path = v.path AND d.summary = v.summary AND d.sha256 = v.sha256
			WHERE d.status = 'done' AND v.needs_review = 1 AND (@runId IS NULL OR d.run_id = @runId)`),
	};
}

export type VerificationStatements = ReturnType<typeof prepareVerificationStatements>;
