-- Sums of input amounts have no bound a file can be held to: each income is at most numeric(14,2), but a family
-- may have any number of them, and a total past numeric(16,2) (or a per-capita income past numeric(14,2)) killed
-- gatherFamilyCases or computeEntitlements with a numeric overflow, on every restart. Precision 1000 (the most
-- PostgreSQL allows) is unbounded in practice, as no number of rows reaches it, while the scale of 2 keeps every
-- amount written and read with its two decimals as before. ALTER on a partitioned table changes its partitions.
alter table family_case alter column counted_income type numeric(1000,2);
alter table entitlement alter column counted_income type numeric(1000,2);
alter table entitlement alter column per_capita_income type numeric(1000,2);

-- Amounts paid are whole tenge computed from a line and the number of members; a large family at a large
-- subsistence minimum must be written as computed, not fail the run.
alter table family_case alter column previous_monthly type numeric(1000,0);
alter table entitlement alter column monthly_amount type numeric(1000,0);
alter table entitlement alter column quarter_amount type numeric(1000,0);
alter table entitlement alter column previous_monthly_amount type numeric(1000,0);
alter table payment alter column amount type numeric(1000,0);
