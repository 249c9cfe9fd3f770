-- Global search's "similar names" test each name with pg_trgm's strict word similarity
-- (`q <<% name`). pg_trgm declares that test as cheap as `=` (COST 1); it is not: it compares the
-- query's trigrams with every word of the name, ~3.4 µs per name on the benchmark machine, about
-- 100 × cpu_operator_cost. Priced at 1, a typo search with LIMIT 200 walked an event's accounts in
-- name order through the list index and tested 3,400–4,900 names (12–20 ms at 5,000 accounts)
-- instead of reading the trigram index. Priced at 100, the planner reads the index when few names
-- come close and still walks when many do (the xl dataset). docs/PERFORMANCE.md, round 13.
--
-- An extension's functions belong to the role that created it. Where the migrating role does not
-- own them (some managed databases), the prices stay as they were and the search is only slower,
-- so that is a notice, not a failed migration.
DO $$
BEGIN
  ALTER FUNCTION strict_word_similarity_op(text, text) COST 100;
  ALTER FUNCTION strict_word_similarity_commutator_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm''s functions belong to another role: global search keeps its slower plan for similar names';
END $$;
