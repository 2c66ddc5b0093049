-- Weighting and number answers (issue 5, items 2 and 5).
--
-- 1. public.population: the organisation's population by district × age group,
--    entered or imported by admins and editors, the targets of post-stratified
--    weights (the arithmetic is src/lib/domain/weighting.ts; docs/analysis.md).
-- 2. public.rollup_numbers: number answers counted per distinct value and stratum,
--    kept in step by record_response like rollup_counts, so a histogram, mean and
--    median cost O(distinct values), never a scan of the answers.

-- ---------------------------------------------------------------------------
-- Population

create table public.population (
  org_id uuid not null references public.organizations (id) on delete cascade,
  district text not null,
  age_group text not null,
  population bigint not null check (population >= 0),
  primary key (org_id, district, age_group),
  foreign key (org_id, district) references public.districts (org_id, code)
    on update cascade on delete cascade,
  foreign key (org_id, age_group) references public.age_groups (org_id, code)
    on update cascade on delete cascade
);
-- The policies below read org_id: the primary key's leading column indexes it.

alter table public.population enable row level security;
revoke all on public.population from public, anon, authenticated;
grant select, insert, update, delete on public.population to authenticated;

-- Population figures are public statistics: every official may read them; the
-- people who set up strata (admins, editors) change them.
create policy population_read on public.population
  for select to authenticated
  using ((select public.is_member(org_id, '{admin,editor,analyst}')));
create policy population_insert on public.population
  for insert to authenticated
  with check ((select public.is_member(org_id, '{admin,editor}')));
create policy population_update on public.population
  for update to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')))
  with check ((select public.is_member(org_id, '{admin,editor}')));
create policy population_delete on public.population
  for delete to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')));

create trigger audit_population after insert or update or delete on public.population
  for each row execute function koe_private.audit();

-- The population of a survey's organisation, and whether the caller may change it.
create function public.survey_population(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'editable', public.is_member(public.survey_org(p_survey_id), '{admin,editor}'),
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object(
          'district', p.district, 'age_group', p.age_group, 'population', p.population)
        order by p.district, p.age_group)
      from public.population p
      where p.org_id = public.survey_org(p_survey_id)), '[]'))
$$;

-- Replaces the organisation's population with p_rows, all or nothing:
--   p_rows  [{ line, district, age_group, population }], every value a string;
--           district and age group by code or by any of their names.
-- Returns {"ok": true, "saved": n}, or {"ok": false, "problems": [{line, problem}]}
-- with nothing stored; problem is unknown_district, unknown_age_group, negative,
-- not_a_number or duplicate (the app words them in the user's language).
-- Cells left out of p_rows are removed: they have no population figure.
create function public.population_save(p_survey_id uuid, p_rows jsonb)
returns jsonb
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  v_org uuid := public.survey_org(p_survey_id);
  v_rows jsonb;
  v_problems jsonb;
  v_saved integer;
begin
  if v_org is null or not public.is_member(v_org, '{admin,editor}') then
    raise exception 'only admins and editors may set the population' using errcode = '42501';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'rows must be a list' using errcode = '22023';
  end if;

  with input as (
    select e.i::integer as pos,
      coalesce(e.r ->> 'line', e.i::text) as line,
      btrim(coalesce(e.r ->> 'district', '')) as d,
      btrim(coalesce(e.r ->> 'age_group', '')) as a,
      btrim(coalesce(e.r ->> 'population', '')) as p
    from jsonb_array_elements(p_rows) with ordinality e(r, i)
  ), resolved as (
    select input.*,
      (select x.code from public.districts x
       where x.org_id = v_org
         and (x.code = input.d or exists (select 1 from jsonb_each_text(x.name) nm where nm.value = input.d))
       order by x.code limit 1) as district,
      (select x.code from public.age_groups x
       where x.org_id = v_org
         and (x.code = input.a or exists (select 1 from jsonb_each_text(x.name) nm where nm.value = input.a))
       order by x.code limit 1) as age_group,
      -- digits, optionally grouped by commas as spreadsheets copy them (12,345)
      case when input.p ~ '^([0-9]{1,15}|[0-9]{1,3}(,[0-9]{3}){1,4})$'
        then replace(input.p, ',', '')::bigint end as population
    from input
  ), checked as (
    select r.*,
      array_remove(array[
        case when r.district is null then 'unknown_district' end,
        case when r.age_group is null then 'unknown_age_group' end,
        case when r.p ~ '^-[0-9.,]+$' then 'negative'
             when r.population is null then 'not_a_number' end,
        case when r.district is not null and r.age_group is not null and exists (
          select 1 from resolved o
          where o.district = r.district and o.age_group = r.age_group and o.pos < r.pos)
          then 'duplicate' end
      ], null) as problems
    from resolved r
  )
  select
    (select coalesce(jsonb_agg(jsonb_build_object('line', c.line, 'problem', pr.problem)
                               order by c.pos, pr.i), '[]')
     from checked c cross join lateral unnest(c.problems) with ordinality pr(problem, i)),
    (select coalesce(jsonb_agg(jsonb_build_object(
                       'district', c.district, 'age_group', c.age_group, 'population', c.population)), '[]')
     from checked c where cardinality(c.problems) = 0)
  into v_problems, v_rows;

  if jsonb_array_length(v_problems) > 0 then
    return jsonb_build_object('ok', false, 'problems', v_problems);
  end if;

  delete from public.population p
  where p.org_id = v_org
    and not exists (
      select 1 from jsonb_to_recordset(v_rows) r(district text, age_group text, population bigint)
      where r.district = p.district and r.age_group = p.age_group);

  insert into public.population as p (org_id, district, age_group, population)
  select v_org, r.district, r.age_group, r.population
  from jsonb_to_recordset(v_rows) r(district text, age_group text, population bigint)
  order by r.district, r.age_group
  on conflict (org_id, district, age_group) do update set population = excluded.population
  where p.population is distinct from excluded.population;

  v_saved := jsonb_array_length(v_rows);
  return jsonb_build_object('ok', true, 'saved', v_saved);
end
$$;

-- ---------------------------------------------------------------------------
-- Number answers, rolled up per distinct value

create table public.rollup_numbers (
  survey_id uuid not null references public.surveys (id) on delete cascade,
  question_key text not null,
  value numeric not null,
  district text not null,
  age_group text not null,
  shard smallint not null,
  n bigint not null,
  primary key (survey_id, question_key, value, district, age_group, shard)
);
create index rollup_numbers_district_idx on public.rollup_numbers (survey_id, district);

alter table public.rollup_numbers enable row level security;
revoke all on public.rollup_numbers from public, anon, authenticated;
-- anon holds the grant like the other rollups: the policy, not an error, says no.
grant select on public.rollup_numbers to anon, authenticated;
create policy rollup_numbers_read on public.rollup_numbers
  for select to authenticated
  using (public.can_read_counts(public.survey_org(survey_id), district));

-- Number answers already stored before this migration.
insert into public.rollup_numbers (survey_id, question_key, value, district, age_group, shard, n)
select a.survey_id, a.question_key, a.number, r.district, r.age_group, 0, count(*)
from public.answers a
join public.responses r on r.id = a.response_id
where a.number is not null
group by a.survey_id, a.question_key, a.number, r.district, r.age_group;

-- record_response as in 20261124000300_submit.sql, plus the number rollup.
create or replace function koe_private.record_response(
  p_response_id uuid, p_survey_id uuid, p_version_id uuid, p_definition jsonb,
  p_answers jsonb, p_language text, p_source text, p_is_demo boolean
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_district text := coalesce(p_answers ->> (p_definition #>> '{strata,district}'), '');
  v_age_group text := coalesce(p_answers ->> (p_definition #>> '{strata,ageGroup}'), '');
  v_shard smallint := floor(random() * 8)::smallint;
begin
  insert into public.responses (id, survey_id, version_id, district, age_group, source, language, is_demo)
  values (p_response_id, p_survey_id, p_version_id, v_district, v_age_group, p_source,
          left(coalesce(p_language, 'ja'), 10), p_is_demo);

  insert into public.answers (response_id, survey_id, question_key, item, choice, number, text_value)
  select p_response_id, p_survey_id, a.question_key, a.item, a.choice, a.number, a.text_value
  from koe_private.answer_rows(p_definition, p_answers) a;

  -- One row per chosen option, plus choice '' counting who answered the item at
  -- all (the base for percentages of multiple choice and for 無回答).
  -- Fixed lock order (sorted keys) keeps concurrent upserts free of deadlocks.
  insert into public.rollup_counts as rc
    (survey_id, question_key, item, choice, district, age_group, shard, n)
  select p_survey_id, c.question_key, c.item, c.choice, v_district, v_age_group, v_shard, 1
  from (
    select a.question_key, a.item, a.choice from public.answers a
    where a.response_id = p_response_id and a.choice is not null
    union
    select a.question_key, a.item, '' from public.answers a
    where a.response_id = p_response_id
  ) c
  order by c.question_key, c.item, c.choice
  on conflict (survey_id, question_key, item, choice, district, age_group, shard)
  do update set n = rc.n + 1;

  -- One row per number answer (a question has at most one), same shard, same order.
  insert into public.rollup_numbers as rn
    (survey_id, question_key, value, district, age_group, shard, n)
  select p_survey_id, a.question_key, a.number, v_district, v_age_group, v_shard, 1
  from public.answers a
  where a.response_id = p_response_id and a.number is not null
  order by a.question_key, a.number
  on conflict (survey_id, question_key, value, district, age_group, shard)
  do update set n = rn.n + 1;

  insert into public.rollup_responses as rr (survey_id, district, age_group, shard, n)
  values (p_survey_id, v_district, v_age_group, v_shard, 1)
  on conflict (survey_id, district, age_group, shard) do update set n = rr.n + 1;

  perform pg_notify('koe_responses', p_survey_id::text);
end
$$;

-- The distribution of a number question: (value, n) in ascending order, over
-- the strata the caller may read (row-level security). Callers without raw-data
-- rights get values answered by fewer than min_cell_size people pooled into one
-- row with value null: the count of hidden answers, not what they were.
create function public.results_number_distribution(p_survey_id uuid, p_question_key text)
returns table (value numeric, n bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_k int;
begin
  if public.can_read_raw(public.survey_org(p_survey_id)) then
    return query
      select rn.value, sum(rn.n)::bigint
      from public.rollup_numbers rn
      where rn.survey_id = p_survey_id and rn.question_key = p_question_key
      group by rn.value
      order by rn.value;
    return;
  end if;
  select o.min_cell_size into v_k
  from public.organizations o where o.id = public.survey_org(p_survey_id);
  return query
    with sums as (
      select rn.value, sum(rn.n)::bigint as n
      from public.rollup_numbers rn
      where rn.survey_id = p_survey_id and rn.question_key = p_question_key
      group by rn.value
    )
    select s.value, s.n from sums s where s.n >= v_k
    union all
    select null::numeric, sum(s.n)::bigint from sums s where s.n < v_k having count(*) > 0
    order by 1 nulls last;
end
$$;

-- Every closed question's cross-tab by district × age group in one call (what
-- weighting needs), with the same suppression as results_crosstab.
create function public.results_crosstab_all(p_survey_id uuid)
returns table (question_key text, district text, age_group text, item text, choice text, n bigint)
language sql stable security invoker
set search_path = ''
as $$
  select q.question_key, c.district, c.age_group, c.item, c.choice, c.n
  -- closed questions are those with choices; numbers and texts only count ''
  from (select distinct rc.question_key from public.rollup_counts rc
        where rc.survey_id = p_survey_id and rc.choice <> '') q
  cross join lateral public.results_crosstab(p_survey_id, q.question_key) c
$$;

revoke all on function public.survey_population(uuid), public.population_save(uuid, jsonb),
  public.results_number_distribution(uuid, text), public.results_crosstab_all(uuid)
  from public, anon, authenticated;
grant execute on function public.survey_population(uuid), public.population_save(uuid, jsonb),
  public.results_number_distribution(uuid, text), public.results_crosstab_all(uuid)
  to authenticated;
