-- Each metering flush adds to the counters of every app × product × operation × hour it saw, so
-- a row is rewritten every few seconds while its hour lasts. Pages kept half empty let each new
-- version stay on its page (a HOT update: no new index entries), which halved a 10,000-row flush's
-- CPU on PGlite and stopped the table and its indexes from growing with every flush.
ALTER TABLE usage_hourly SET (fillfactor = 50);
