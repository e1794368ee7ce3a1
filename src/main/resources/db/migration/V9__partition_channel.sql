-- The channel of remote partitioning (ops/benefits run --workers remote, ops/benefits worker): partition
-- requests queued by the manager and taken by the workers, in the job's own database. The layout is the one
-- Spring Integration's JdbcChannelMessageStore reads with its PostgreSQL query provider (table prefix INT_).
create sequence int_message_seq start with 1 increment by 1 no cycle;

create table int_channel_message (
    message_id       char(36)     not null,
    group_key        char(36)     not null,
    created_date     bigint       not null,
    message_priority bigint,
    message_sequence bigint       not null default nextval('int_message_seq'),
    message_content  bytea,
    region           varchar(100) not null,
    constraint int_channel_message_pk primary key (region, group_key, created_date, message_sequence)
);

create index int_channel_msg_delete_idx on int_channel_message (region, group_key, message_id);
