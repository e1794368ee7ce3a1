-- csv_text was declared STRICT, and PostgreSQL does not inline a strict SQL function whose body is a CASE: each
-- text cell of an output CSV cost a function call, half the time of writing entitlements.csv. Not strict, it is
-- inlined into the COPY's query as its CASE expression; a null still gives null (the CASE's else branch).
create or replace function csv_text(value text) returns text
    language sql immutable parallel safe
    as $$ select case when value ~ '^[=+@\t\r-]' then '''' || value else value end $$;
