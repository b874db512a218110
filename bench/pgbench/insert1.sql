-- One row per transaction: pgbench runs the statement in autocommit mode.
INSERT INTO bench_question (id, family_id, question_text, category, created_at)
VALUES (gen_random_uuid(), gen_random_uuid(), 'Why is the sky blue and how far away is the moon from the earth tonight? Why is the sky blue and how far away is the moon?', 'general', now());
