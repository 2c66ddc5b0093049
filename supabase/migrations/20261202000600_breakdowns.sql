-- Cross-tabs of any closed question by a breakdown question, with filters
-- (issue 5, item 3; docs/analysis.md "Cross-tabs by breakdown").
--
-- A questionnaire names a few breakdown questions (definition.breakdowns: single,
-- multiple choice or rating, e.g. gender, household type). public.rollup_breakdowns
-- counts, per response, every closed answer row once per group the response is in:
--
--   breakdown_key ''      the response itself: read by district or age group
--   breakdown_key <key>   the breakdown question; breakdown_choice is each option
--                         the respondent chose there, or '' when they did not answer
--   question_key ''       the response (the base of percentages)
--   question_key <key>    item, choice as in rollup_counts (choice '' = answered the item)
--
-- and carries district, age group, source and the day as key columns, so that a
-- filtered cross-tab is a sum over the cells of one target and one breakdown, never
-- a scan of the answers. rollup_counts and rollup_responses stay as they are for the
-- unfiltered dashboard.

create table public.rollup_breakdowns (
  survey_id uuid not null references public.surveys (id) on delete cascade,
  breakdown_key text not null,
  question_key text not null,
  item text not null,
  choice text not null,
  breakdown_choice text not null,
  district text not null,
  age_group text not null,
  source text not null check (source in ('web', 'paper')),
  submitted_on date not null,
  shard smallint not null,
  n bigint not null,
  primary key (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
               district, age_group, source, submitted_on, shard)
);
-- The read policy filters by district (analysts limited to some districts).
create index rollup_breakdowns_district_idx on public.rollup_breakdowns (survey_id, district);

alter table public.rollup_breakdowns enable row level security;
revoke all on public.rollup_breakdowns from public, anon, authenticated;
-- anon holds the grant like the other rollups: the policy, not an error, says no.
grant select on public.rollup_breakdowns to anon, authenticated;
create policy rollup_breakdowns_read on public.rollup_breakdowns
  for select to authenticated
  using (public.can_read_counts(public.survey_org(survey_id), district));

-- The groups one response falls in: '' (everyone) and, per breakdown question of
-- its definition, each option chosen there or '' (無回答).
create function koe_private.breakdown_groups(p_definition jsonb, p_response_id uuid)
returns table (breakdown_key text, breakdown_choice text)
language sql stable
set search_path = ''
as $$
  select '', ''
  union
  select b.key, coalesce(a.choice, '')
  from jsonb_array_elements_text(
    case when jsonb_typeof(p_definition -> 'breakdowns') = 'array'
      then p_definition -> 'breakdowns' else '[]' end) b(key)
  left join public.answers a
    on a.response_id = p_response_id and a.question_key = b.key
   and a.item = '' and a.choice is not null
$$;

-- The answer rows one response adds to every group: the response itself, each
-- chosen option of a closed item, and '' per answered closed item.
create function koe_private.breakdown_targets(p_response_id uuid)
returns table (question_key text, item text, choice text)
language sql stable
set search_path = ''
as $$
  select '', '', ''
  union
  select a.question_key, a.item, a.choice from public.answers a
  where a.response_id = p_response_id and a.choice is not null
  union
  select a.question_key, a.item, '' from public.answers a
  where a.response_id = p_response_id and a.choice is not null
$$;

-- Answers already stored before this migration, by the definition they answered.
insert into public.rollup_breakdowns
  (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
   district, age_group, source, submitted_on, shard, n)
select r.survey_id, g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice,
  r.district, r.age_group, r.source, r.submitted_on, 0, count(*)
from public.responses r
join public.survey_versions v on v.id = r.version_id
cross join lateral koe_private.breakdown_groups(v.definition, r.id) g
cross join lateral koe_private.breakdown_targets(r.id) c
group by r.survey_id, g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice,
  r.district, r.age_group, r.source, r.submitted_on;

-- record_response as in 20261202000500_weighting.sql, plus the breakdown rollup.
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
  v_day date;
begin
  insert into public.responses (id, survey_id, version_id, district, age_group, source, language, is_demo)
  values (p_response_id, p_survey_id, p_version_id, v_district, v_age_group, p_source,
          left(coalesce(p_language, 'ja'), 10), p_is_demo)
  returning submitted_on into v_day;

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

  -- Every group × closed answer row, same shard; sorted by the key, so the lock
  -- order is fixed (stratum, source, day and shard are the same for the whole row set).
  insert into public.rollup_breakdowns as rb
    (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
     district, age_group, source, submitted_on, shard, n)
  select p_survey_id, g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice,
    v_district, v_age_group, p_source, v_day, v_shard, 1
  from koe_private.breakdown_groups(p_definition, p_response_id) g
  cross join koe_private.breakdown_targets(p_response_id) c
  order by g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice
  on conflict (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
               district, age_group, source, submitted_on, shard)
  do update set n = rb.n + 1;

  insert into public.rollup_responses as rr (survey_id, district, age_group, shard, n)
  values (p_survey_id, v_district, v_age_group, v_shard, 1)
  on conflict (survey_id, district, age_group, shard) do update set n = rr.n + 1;

  perform pg_notify('koe_responses', p_survey_id::text);
end
$$;

-- One item of a closed question (p_question_key, p_item) by a breakdown:
--   p_by  '#district', '#age_group', or the key of a breakdown question.
-- Filters (null = all): district, age group, source ('web' / 'paper') and the
-- days p_from … p_to, inclusive. Over the strata the caller may read (RLS).
--
-- Returns the cells of one table, rows = groups, columns = base, choices, 無回答:
--   grp     a group (option key, district or age group code; '' = 無回答 or unknown),
--           null for 全体 (every response, once)
--   choice  null for the base (responses in the group), '' for 無回答 of the item
--           (base minus those who answered it), else the option
--   n       the count; zero cells are left out. Callers without raw-data rights
--           get the table suppressed with public.suppress_cells (primary and
--           secondary: 全体 is a row of the table, so a reader who knows it cannot
--           recover a hidden cell from a column); hidden cells come back with n null.
create function public.results_breakdown(
  p_survey_id uuid, p_question_key text, p_item text, p_by text,
  p_district text default null, p_age_group text default null, p_source text default null,
  p_from date default null, p_to date default null
) returns table (grp text, choice text, n bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_stratum text := case when p_by in ('#district', '#age_group') then p_by end;
  v_key text := case when p_by in ('#district', '#age_group') then '' else coalesce(p_by, '') end;
  v_g text[];
  v_m text[];
  v_n bigint[];
  v_groups text[];
  v_cols text[];
  v_counts bigint[];
  v_hidden boolean[];
  v_k int;
begin
  -- Sums per group and measure: '#base', '#answered' or an option ('#' is in no key).
  with f as (
    select rb.breakdown_key, rb.breakdown_choice, rb.district, rb.age_group,
      rb.question_key, rb.choice, rb.n
    from public.rollup_breakdowns rb
    where rb.survey_id = p_survey_id
      and rb.breakdown_key in (v_key, '')
      and (rb.question_key = '' or (rb.question_key = p_question_key and rb.item = p_item))
      and (p_district is null or rb.district = p_district)
      and (p_age_group is null or rb.age_group = p_age_group)
      and (p_source is null or rb.source = p_source)
      and (p_from is null or rb.submitted_on >= p_from)
      and (p_to is null or rb.submitted_on <= p_to)
  ), tagged as (
    select case v_stratum when '#district' then f.district when '#age_group' then f.age_group
             else f.breakdown_choice end as g, f.question_key, f.choice, f.n
    from f where f.breakdown_key = v_key
    union all
    select null, f.question_key, f.choice, f.n from f where f.breakdown_key = ''
  ), sums as (
    select t.g,
      case when t.question_key = '' then '#base' when t.choice = '' then '#answered'
           else t.choice end as m,
      sum(t.n)::bigint as n
    from tagged t
    group by 1, 2
  )
  select array_agg(s.g), array_agg(s.m), array_agg(s.n) into v_g, v_m, v_n from sums s;

  select coalesce(array_agg(distinct u.g collate "C" order by u.g collate "C"), '{}')
  into v_groups
  from unnest(v_g, v_m) u(g, m) where u.g is not null and u.m = '#base';
  v_groups := v_groups || array[null::text];
  select array[null::text]
    || coalesce(array_agg(distinct u.m collate "C" order by u.m collate "C"), '{}')
    || array['']
  into v_cols
  from unnest(v_m) u(m) where u.m not like '#%';

  with s as (select * from unnest(v_g, v_m, v_n) u(g, m, n))
  select array_agg(greatest(coalesce(case
      when c.c is null then (select s.n from s where s.g is not distinct from gg.g and s.m = '#base')
      when c.c = '' then
        (select s.n from s where s.g is not distinct from gg.g and s.m = '#base')
        - coalesce((select s.n from s where s.g is not distinct from gg.g and s.m = '#answered'), 0)
      else (select s.n from s where s.g is not distinct from gg.g and s.m = c.c)
    end, 0), 0) order by gg.i, c.i)
  into v_counts
  from unnest(v_groups) with ordinality gg(g, i)
  cross join unnest(v_cols) with ordinality c(c, i);

  if public.can_read_raw(public.survey_org(p_survey_id)) then
    v_hidden := array_fill(false, array[cardinality(v_counts)]);
  else
    select o.min_cell_size into v_k
    from public.organizations o where o.id = public.survey_org(p_survey_id);
    v_hidden := public.suppress_cells(v_counts, cardinality(v_groups), cardinality(v_cols), v_k);
  end if;

  return query
    select v_groups[(i - 1) / cardinality(v_cols) + 1], v_cols[(i - 1) % cardinality(v_cols) + 1],
      case when v_hidden[i] then null else v_counts[i] end
    from generate_series(1, cardinality(v_counts)) i
    where v_hidden[i] or v_counts[i] > 0
    order by i;
end
$$;

revoke all on function public.results_breakdown(uuid, text, text, text, text, text, text, date, date)
  from public, anon, authenticated;
grant execute on function public.results_breakdown(uuid, text, text, text, text, text, text, date, date)
  to authenticated;
revoke all on function koe_private.breakdown_groups(jsonb, uuid), koe_private.breakdown_targets(uuid)
  from public, anon, authenticated;
