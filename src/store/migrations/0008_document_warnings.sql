-- precis store, schema version 8: the warnings of each done document, so that exports and reports
-- show them after the run (an unreadable page, a page OCRed with a low confidence, a summary whose
-- JSON was cut, a field answer that did not parse).

-- JSON array of strings: every warning of the attempt that produced the document's current summary,
-- in the order extraction, summary, fields ('[]' when it had none). Written with the summary (markDone)
-- and cleared with it: NULL while a document has no summary (pending, running, failed) and for
-- documents summarized before version 8, whose warnings were not kept.
ALTER TABLE documents ADD COLUMN warnings TEXT CHECK (warnings IS NULL OR json_valid(warnings));

-- JSON array of strings: the part of `warnings` that the summary itself gave (its parse, its
-- collapse, fields riding on it), kept so that a rerun that reuses the stored summary (only the
-- field set changed) reports them again next to the extraction and field warnings of that rerun.
-- Not exported. NULL exactly when `warnings` is.
ALTER TABLE documents ADD COLUMN summary_warnings TEXT CHECK (summary_warnings IS NULL OR json_valid(summary_warnings));
