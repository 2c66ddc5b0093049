-- Small cells are suppressed (DESIGN.md) in the district × age-group cross-tab and
-- in the stratum totals, for callers without raw-data rights. Admins and analysts
-- with raw_data get exact counts.
--
-- A table: rows are the districts, columns the age groups the caller may read
-- (in "C" collation order); a cell is a count. The cross-tab is one table per
-- item (each `row/dimension` of a matrix on its own) and per choice, including
-- choice '' (who answered the item); the stratum totals are one more table. A
-- reader is assumed to know every row and column total and the grand total.
--
-- Algorithm (mirrored in src/lib/domain/suppression.ts; both must agree cell for cell):
--   1. Primary: hide every cell with 0 < n < k (k = organizations.min_cell_size).
--   2. Secondary, until a pass changes nothing: for each row in order, then each
--      column in order, if that line has exactly one hidden cell, also hide its
--      smallest non-zero shown cell; when it has none, its first shown cell (a
--      zero). Ties go to the first cell. A lone hidden cell would otherwise be its
--      line's total minus the shown cells.
--   Afterwards every row and column has no hidden cell or at least two (except a
--   line of a single cell, which has nothing to pair with). Each step hides one
--   more cell, so there are at most rows × columns steps: cheap at 8 × 6.
--   Not covered: links between tables (the choices of a single question sum to
--   choice ''; '' and the stratum total give 無回答), and chains of hidden cells
--   that linear algebra can still pin down.
-- Hidden cells come back with n null; shown zero cells are left out, as before.

create function public.suppress_cells(p_counts bigint[], p_rows int, p_cols int, p_k int)
returns boolean[]
language plpgsql immutable
set search_path = ''
as $$
declare
  h boolean[] := array(
    select x > 0 and x < p_k from unnest(p_counts) with ordinality u(x, i) order by i);
  changed boolean := true;
  line int;
  pos int;
  cell int;
  hidden int;
  best int;
begin
  while changed loop
    changed := false;
    -- rows (line = row), then columns (line = column)
    for dir in 0..1 loop
      for line in 0 .. (case when dir = 0 then p_rows else p_cols end) - 1 loop
        hidden := 0;
        best := null;
        for pos in 0 .. (case when dir = 0 then p_cols else p_rows end) - 1 loop
          cell := case when dir = 0 then line * p_cols + pos else pos * p_cols + line end + 1;
          if h[cell] then
            hidden := hidden + 1;
          elsif best is null
             or (p_counts[best] = 0 and p_counts[cell] > 0)
             or ((p_counts[best] = 0) = (p_counts[cell] = 0) and p_counts[cell] < p_counts[best]) then
            best := cell;
          end if;
        end loop;
        if hidden = 1 and best is not null then
          h[best] := true;
          changed := true;
        end if;
      end loop;
    end loop;
  end loop;
  return h;
end
$$;

-- Cells of a grid of sums as rows, with suppression applied: the shared end of
-- results_crosstab and results_strata for callers without raw rights.
create function public.suppressed_cells(
  p_districts text[], p_ages text[], p_counts bigint[], p_k int
) returns table (district text, age_group text, n bigint)
language plpgsql immutable
set search_path = ''
as $$
declare
  v_cols int := cardinality(p_ages);
  v_hidden boolean[] := public.suppress_cells(p_counts, cardinality(p_districts), v_cols, p_k);
begin
  return query
    select p_districts[(i - 1) / v_cols + 1], p_ages[(i - 1) % v_cols + 1],
      case when v_hidden[i] then null else p_counts[i] end
    from generate_series(1, cardinality(p_counts)) i
    where v_hidden[i] or p_counts[i] > 0
    order by i;
end
$$;

create or replace function public.results_crosstab(p_survey_id uuid, p_question_key text)
returns table (district text, age_group text, item text, choice text, n bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_k int;
  v_districts text[];
  v_ages text[];
  t record;
begin
  if public.can_read_raw(public.survey_org(p_survey_id)) then
    return query
      select rc.district, rc.age_group, rc.item, rc.choice, sum(rc.n)::bigint
      from public.rollup_counts rc
      where rc.survey_id = p_survey_id and rc.question_key = p_question_key
      group by rc.district, rc.age_group, rc.item, rc.choice;
    return;
  end if;
  select o.min_cell_size into v_k
  from public.organizations o where o.id = public.survey_org(p_survey_id);

  -- The grid: every district and age group the caller may read.
  select coalesce(array_agg(s.d order by s.d collate "C"), '{}') into v_districts
  from (
    select rr.district as d from public.rollup_responses rr where rr.survey_id = p_survey_id
    union
    select rc.district from public.rollup_counts rc
    where rc.survey_id = p_survey_id and rc.question_key = p_question_key
  ) s;
  select coalesce(array_agg(s.a order by s.a collate "C"), '{}') into v_ages
  from (
    select rr.age_group as a from public.rollup_responses rr where rr.survey_id = p_survey_id
    union
    select rc.age_group from public.rollup_counts rc
    where rc.survey_id = p_survey_id and rc.question_key = p_question_key
  ) s;

  for t in
    with sums as (
      select rc.district, rc.age_group, rc.item, rc.choice, sum(rc.n)::bigint as n
      from public.rollup_counts rc
      where rc.survey_id = p_survey_id and rc.question_key = p_question_key
      group by rc.district, rc.age_group, rc.item, rc.choice
    )
    select g.item, g.choice, array_agg(coalesce(s.n, 0) order by di, ai) as counts
    from (select distinct s0.item, s0.choice from sums s0) g
    cross join unnest(v_districts) with ordinality dd(d, di)
    cross join unnest(v_ages) with ordinality aa(a, ai)
    left join sums s
      on s.item = g.item and s.choice = g.choice and s.district = dd.d and s.age_group = aa.a
    group by g.item, g.choice
  loop
    return query
      select c.district, c.age_group, t.item::text, t.choice::text, c.n
      from public.suppressed_cells(v_districts, v_ages, t.counts, v_k) c;
  end loop;
end
$$;

create or replace function public.results_strata(p_survey_id uuid)
returns table (district text, age_group text, n bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_k int;
  v_districts text[];
  v_ages text[];
  v_counts bigint[];
begin
  if public.can_read_raw(public.survey_org(p_survey_id)) then
    return query
      select rr.district, rr.age_group, sum(rr.n)::bigint
      from public.rollup_responses rr
      where rr.survey_id = p_survey_id
      group by rr.district, rr.age_group;
    return;
  end if;
  select o.min_cell_size into v_k
  from public.organizations o where o.id = public.survey_org(p_survey_id);

  select coalesce(array_agg(distinct rr.district collate "C" order by rr.district collate "C"), '{}'),
    coalesce(array_agg(distinct rr.age_group collate "C" order by rr.age_group collate "C"), '{}')
  into v_districts, v_ages
  from public.rollup_responses rr where rr.survey_id = p_survey_id;

  with sums as (
    select rr.district, rr.age_group, sum(rr.n)::bigint as n
    from public.rollup_responses rr
    where rr.survey_id = p_survey_id
    group by rr.district, rr.age_group
  )
  select coalesce(array_agg(coalesce(s.n, 0) order by di, ai), '{}') into v_counts
  from unnest(v_districts) with ordinality dd(d, di)
  cross join unnest(v_ages) with ordinality aa(a, ai)
  left join sums s on s.district = dd.d and s.age_group = aa.a;

  return query
    select c.district, c.age_group, c.n
    from public.suppressed_cells(v_districts, v_ages, v_counts, v_k) c;
end
$$;

-- Pure helpers on numbers the caller already read; public so that the security
-- invoker functions above can call them without access to koe_private.
grant execute on function public.suppress_cells(bigint[], int, int, int),
  public.suppressed_cells(text[], text[], bigint[], int) to anon, authenticated;

-- The number of responses the caller may count (all districts, or an analyst's
-- own): the grand total is a margin every reader knows anyway, and with stratum
-- totals hidden it can no longer be summed from results_strata.
create function public.results_respondents(p_survey_id uuid)
returns bigint
language sql stable security invoker
set search_path = ''
as $$
  select coalesce(sum(rr.n), 0)::bigint
  from public.rollup_responses rr
  where rr.survey_id = p_survey_id
$$;
grant execute on function public.results_respondents(uuid) to anon, authenticated;
