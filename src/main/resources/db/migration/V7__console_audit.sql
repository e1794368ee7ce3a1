-- The administrators' console records every action taken from it (issue 15): who did what, when, on which
-- execution (or, for a run of a quarter again, on which quarter), and what came of it.
create table console_audit (
    audit_id      bigserial   primary key,
    at            timestamptz not null default now(),
    username      text        not null,
    action        text        not null,
    execution_id  bigint,
    quarter       text,
    outcome       text        not null
);
create index console_audit_execution on console_audit (execution_id, at);
