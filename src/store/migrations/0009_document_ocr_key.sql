-- precis store, schema version 9: how a done document's text depends on the OCR settings, so that a
-- rerun after OCR settings change reads again (and summarizes again) the documents whose text they
-- change, and only those.

-- Written with the summary (markDone) and cleared with it. NULL for a format OCR never reads (DOCX,
-- text), and for documents summarized before version 9 (an upgrade does not read everything again);
-- 'text-layer' for a PDF read from its text layer alone, with no page OCR's `auto` mode would read;
-- otherwise a hash of the OCR settings it was read under (src/run/getSettingsKeys.ts: the mode, and
-- with OCR on its languages, resolution and pixel cap): a PDF with a page OCR read (or, with OCR off,
-- would read), a PDF read under `always`, an image file.
ALTER TABLE documents ADD COLUMN ocr_key TEXT;
