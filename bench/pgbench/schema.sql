-- Scratch table for the one-row pgbench baseline; shaped like the question table, with only a primary key.
create table bench_question (
    id             uuid                     primary key,
    family_id      uuid                     not null,
    question_text  varchar                  not null,
    category       varchar(50)              not null,
    created_at     timestamp with time zone not null
);
