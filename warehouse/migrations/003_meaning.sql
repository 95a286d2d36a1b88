-- 003: what each mention means (issue 9). Every table's grain and invariants are stated in its
-- declaration (warehouse/tables/<table>.py); the descriptions of these columns are there too.
-- All new columns are NULL on rows extracted before this migration; `ruaz reprocess` fills them.

-- date_mentions: the date's role in the article and, for an event, the kind of happening.
-- invariants: role in (event, period, dateline, other); event_type set iff role = 'event';
-- role_rule / role_confidence say which cue decided role and event_type.
ALTER TABLE date_mentions ADD COLUMN role VARCHAR;
ALTER TABLE date_mentions ADD COLUMN event_type VARCHAR;
ALTER TABLE date_mentions ADD COLUMN role_rule VARCHAR;
ALTER TABLE date_mentions ADD COLUMN role_confidence FLOAT;

-- count_mentions: the unit (value is expressed in it), what an amount of money is, and the date
-- mention of the same sentence that states when the figure applies.
-- invariants: unit NULL iff kind = 'ordinal'; for money unit = object (ISO 4217); measure set iff
-- kind = 'money'; the period columns are all set or all NULL, and point to a date mention of the
-- same article and sentence (period_value is that mention's value).
ALTER TABLE count_mentions ADD COLUMN unit VARCHAR;
ALTER TABLE count_mentions ADD COLUMN unit_rule VARCHAR;
ALTER TABLE count_mentions ADD COLUMN measure VARCHAR;
ALTER TABLE count_mentions ADD COLUMN measure_rule VARCHAR;
ALTER TABLE count_mentions ADD COLUMN measure_confidence FLOAT;
ALTER TABLE count_mentions ADD COLUMN period_start_char INTEGER;
ALTER TABLE count_mentions ADD COLUMN period_end_char INTEGER;
ALTER TABLE count_mentions ADD COLUMN period_value VARCHAR;
ALTER TABLE count_mentions ADD COLUMN period_rule VARCHAR;
ALTER TABLE count_mentions ADD COLUMN period_confidence FLOAT;

-- articles: where the publication date came from (NULL when there is none).
ALTER TABLE articles ADD COLUMN published_source VARCHAR;
