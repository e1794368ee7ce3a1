-- What each file of a run's input folder was when the run started, so that a restart can refuse a folder
-- edited since: a restarted step resumes by line count and would mix two inputs.
create table input_fingerprint (
    run_id    bigint not null references run,
    file_name text   not null,
    size      bigint,          -- null: the file was absent
    sha256    text,            -- hex; null when absent
    primary key (run_id, file_name)
);
