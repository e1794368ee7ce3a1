-- Whether a staged input file of a run may hold a duplicate key, as its ingest step found while reading it
-- (declaration/DuplicateKeyScreen): validateDeclarations skips the aggregate of duplicate keys for a file that
-- has none, most of its time on a clean quarter. Written when the ingest step completes, deleted when it starts;
-- no row means "possible" (a run staged before this table, a step that did not complete).
create table duplicate_key_screen (
    run_id              bigint  not null references run,
    file                text    not null,
    duplicates_possible boolean not null,
    primary key (run_id, file)
);
