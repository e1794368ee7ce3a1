-- A family's contracts in family_case were one text of '|'-separated fields and ';'-separated rows, split again in
-- Java: a contract id holding '|' or ';' could forge another contract term or break the run. They are now
-- parallel arrays, element i of each describing the family's i-th accepted contract in file order, so that an
-- id is one opaque value whatever characters it holds.
alter table family_case
    add column contract_ids           text[] not null default '{}',
    add column contract_starts        date[] not null default '{}',
    add column contract_ends          date[] not null default '{}',
    add column contract_modes         text[] not null default '{}',
    add column contract_statuses      text[] not null default '{}',
    add column contract_terminated_in text[] not null default '{}';

-- Rows gathered before this migration (a run to be restarted in computeEntitlements) keep their contracts.
update family_case f
   set contract_ids = old.ids, contract_starts = old.starts, contract_ends = old.ends,
       contract_modes = old.modes, contract_statuses = old.statuses, contract_terminated_in = old.terminated_in
  from (select run_id, family_id,
               array_agg(split_part(item, '|', 1) order by n) as ids,
               array_agg(nullif(split_part(item, '|', 2), '')::date order by n) as starts,
               array_agg(nullif(split_part(item, '|', 3), '')::date order by n) as ends,
               array_agg(split_part(item, '|', 4) order by n) as modes,
               array_agg(split_part(item, '|', 5) order by n) as statuses,
               array_agg(nullif(split_part(item, '|', 6), '') order by n) as terminated_in
          from family_case, unnest(string_to_array(contracts, ';')) with ordinality as u(item, n)
         where contracts is not null and contracts <> ''
         group by run_id, family_id) old
 where f.run_id = old.run_id and f.family_id = old.family_id;

alter table family_case drop column contracts;

alter table family_case add constraint family_case_contracts_aligned check (
    cardinality(contract_starts) = cardinality(contract_ids)
    and cardinality(contract_ends) = cardinality(contract_ids)
    and cardinality(contract_modes) = cardinality(contract_ids)
    and cardinality(contract_statuses) = cardinality(contract_ids)
    and cardinality(contract_terminated_in) = cardinality(contract_ids));
