-- Corrections (contracts.md, "Corrections: running a quarter again"). A run of a benefit quarter that has an
-- earlier completed version records which version it was compared with, and one adjustment row per family and
-- month whose payment differs between the two: what the payment unit must pay in addition or recover.
alter table run add column adjusted_against bigint references run;

create table adjustment (
    run_id         bigint        not null references run,
    family_id      text          not null,
    month          text          not null,
    benefit_before text          not null,
    amount_before  numeric(14,0) not null,
    benefit_now    text          not null,
    amount_now     numeric(14,0) not null,
    delta          numeric(14,0) not null,
    kind           text          not null,
    -- The version whose payment stands for this family: the latest earlier one that computed it.
    run_before     bigint        not null references run,
    primary key (run_id, family_id, month)
);

-- A run's own warnings (ADJUSTMENT_HELD, STALE_LATER_QUARTER) come from no input row: file and line stay empty.
alter table warning alter column file drop not null, alter column line drop not null;
