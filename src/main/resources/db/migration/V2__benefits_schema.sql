-- One row per run of the quarterly job (a Spring Batch job instance). Results are versioned per benefit quarter:
-- the latest COMPLETED version of a quarter is the one later quarters compare with and count failures from.
create table run (
    run_id           bigint primary key,
    benefit_quarter  text        not null,
    income_quarter   text        not null,
    version          int         not null,
    input_dir        text        not null,
    output_dir       text        not null,
    status           text        not null default 'RUNNING',
    rule_set         text,
    started_at       timestamptz not null default now(),
    completed_at     timestamptz,
    unique (benefit_quarter, version)
);

-- Reference data as used by a run (shipped defaults or the input folder's replacements).
create table ref_region (
    run_id      bigint not null references run,
    line        int    not null,
    region_code text   not null,
    name_kk     text   not null,
    name_ru     text   not null,
    name_en     text   not null,
    pilot_since date,
    primary key (run_id, region_code)
);
create table ref_subsistence_minimum (
    run_id      bigint        not null references run,
    line        int           not null,
    region_code text          not null,
    quarter     text          not null,
    amount      numeric(14,2) not null,
    primary key (run_id, region_code, quarter)
);
create table ref_income_type (
    run_id      bigint  not null references run,
    line        int     not null,
    income_type text    not null,
    counted     boolean not null,
    valid_from  date    not null,
    primary key (run_id, income_type, valid_from)
);
create table ref_rule (
    run_id     bigint not null references run,
    line       int    not null,
    parameter  text   not null,
    value      text   not null,
    valid_from date   not null,
    primary key (run_id, parameter, valid_from)
);

-- Staging: every row read, accepted or not, one partition per run (created by registerRun), so that a run's
-- queries touch only its own rows and an old run's staging can be dropped whole. Key columns keep their text on rejected rows so that duplicates are
-- judged on every row naming a key. No foreign keys: rows are checked set-based after the load.
create table stg_family (
    run_id      bigint  not null,
    line        int     not null,
    rejected    boolean not null,
    family_id   text,
    region_code text,
    district    text,
    settlement  text,
    declared_on date
) partition by list (run_id);
create table stg_member (
    run_id           bigint  not null,
    line             int     not null,
    rejected         boolean not null,
    family_id        text,
    iin              text,
    last_name        text,
    first_name       text,
    birth_date       date,
    relation         text,
    disability_group smallint,
    pensioner        boolean,
    student          boolean,
    carer            boolean,
    employed         boolean,
    joined_on        date,
    left_on          date
) partition by list (run_id);
create table stg_income (
    run_id      bigint  not null,
    line        int     not null,
    rejected    boolean not null,
    family_id   text,
    iin         text,
    month       text,
    income_type text,
    amount      numeric(14,2)
) partition by list (run_id);
create table stg_contract (
    run_id       bigint  not null,
    line         int     not null,
    rejected     boolean not null,
    contract_id  text,
    family_id    text,
    signed_on    date,
    start_date   date,
    end_date     date,
    payment_mode text,
    status       text
) partition by list (run_id);
create table stg_obligation (
    run_id      bigint  not null,
    line        int     not null,
    rejected    boolean not null,
    contract_id text,
    iin         text,
    obligation  text
) partition by list (run_id);
create table stg_monitoring (
    run_id           bigint  not null,
    line             int     not null,
    rejected         boolean not null,
    contract_id      text,
    iin              text,
    month            text,
    obligation       text,
    outcome          text,
    spending_purpose text
) partition by list (run_id);

create table reject (
    run_id      bigint not null,
    file        text   not null,
    line        int    not null,
    column_name text,
    value       text,
    reason      text   not null,
    message     text   not null,
    family_id   text,
    contract_id text
);
create index reject_run on reject (run_id, family_id);

create table warning (
    run_id      bigint not null,
    file        text   not null,
    line        int    not null,
    column_name text,
    value       text,
    reason      text   not null,
    message     text   not null
);
create index warning_run on warning (run_id);

-- Per-file counts of the ingest, checked: read = accepted + rejected.
create table ingest_count (
    run_id   bigint not null,
    file     text   not null,
    read     bigint not null,
    accepted bigint not null,
    rejected bigint not null,
    primary key (run_id, file)
);

-- Compliance: one row per finding, and one per judged contract that failed (its place on the sanction ladder).
create table finding (
    run_id      bigint not null,
    family_id   text   not null,
    contract_id text   not null,
    iin         text   not null,
    obligation  text   not null,
    finding     text   not null,
    months      text   not null
);
create index finding_run on finding (run_id, contract_id);

create table contract_failure (
    run_id          bigint not null,
    contract_id     text   not null,
    family_id       text   not null,
    failure_number  int    not null,
    sanction        text   not null,
    primary key (run_id, contract_id)
);

-- Each family's inputs to the means test, gathered set-based once per run (gatherFamilyCases), so that
-- computeEntitlements, and a restart of it, only reads them.
create table family_case (
    run_id              bigint        not null,
    family_id           text          not null,
    region_code         text          not null,
    declared            boolean       not null,
    has_reject          boolean       not null,
    members             int           not null,
    counted_income      numeric(16,2) not null,
    subsistence_minimum numeric(14,2),
    contracts           text,
    previous_benefit    text,
    previous_monthly    numeric(14,0),
    primary key (run_id, family_id)
) partition by list (run_id);

-- Entitlements with the inputs that produced them (the decision record).
create table entitlement (
    run_id                  bigint        not null,
    family_id               text          not null,
    region_code             text          not null,
    members                 int,
    counted_income          numeric(16,2),
    per_capita_income       numeric(14,2),
    subsistence_minimum     numeric(14,2),
    asp_line                numeric(14,2),
    cca_line                numeric(14,2),
    benefit                 text          not null,
    monthly_amount          numeric(14,0) not null,
    quarter_amount          numeric(14,0) not null,
    decision                text          not null,
    previous_benefit        text,
    previous_monthly_amount numeric(14,0),
    change                  text          not null,
    primary key (run_id, family_id)
) partition by list (run_id);

create table payment (
    run_id    bigint        not null,
    family_id text          not null,
    month     text          not null,
    benefit   text          not null,
    amount    numeric(14,0) not null,
    kind      text          not null,
    primary key (run_id, family_id, month)
) partition by list (run_id);

-- A text cell of an output CSV that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a
-- leading apostrophe; used where outputs are written with COPY ... TO STDOUT.
create function csv_text(value text) returns text
    language sql immutable strict parallel safe
    as $$ select case when value ~ '^[=+@\t\r-]' then '''' || value else value end $$;
