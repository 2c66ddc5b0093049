-- Public results (issue 5, item 10): what the city learned, readable by anyone
-- once an editor or admin publishes a survey's results, and only then. The
-- public sees suppressed aggregates only: counts per choice, the number of
-- respondents and the district × age-group table; never a response, never text.

alter table public.surveys add column results_published boolean not null default false;
comment on column public.surveys.results_published is
  'whether /results/<slug> shows this survey''s suppressed aggregates to anyone; '
  'changed only through public.survey_set_results_published';

-- Editors may update surveys directly (row-level security allows it), but not
-- this column: it changes through the function below, which checks the role
-- itself. Inside that security definer function the current user is the owner.
create function koe_private.guard_results_published() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated')
     and new.results_published is distinct from
       (case when tg_op = 'UPDATE' then old.results_published else false end) then
    raise exception 'results are published through public.survey_set_results_published'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger surveys_guard_results_published
  before insert or update of results_published on public.surveys
  for each row execute function koe_private.guard_results_published();

-- Publishes (or withdraws) a survey's results. Editors and admins of its
-- organisation only; the change lands in the audit log through the surveys
-- trigger (20261124000700_audit.sql), with the caller as actor.
create function public.survey_set_results_published(p_survey_id uuid, p_published boolean)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_org uuid := public.survey_org(p_survey_id);
begin
  if v_org is null or not public.is_member(v_org, '{admin,editor}') then
    raise exception 'only editors and admins publish results' using errcode = '42501';
  end if;
  update public.surveys set results_published = coalesce(p_published, false)
  where id = p_survey_id;
  return coalesce(p_published, false);
end
$$;

-- Every counted line of a definition's closed questions: the question, the item
-- ('' for single, multi and rating; `row/dimension` of a matrix; the rank of a
-- ranking) and its choices in the questionnaire's order.
create function koe_private.closed_lines(p_definition jsonb)
returns table (question_key text, item text, choices text[])
language sql
immutable
set search_path = ''
as $$
  with q as (
    select x.q, x.q ->> 'key' as k, x.q ->> 'type' as t
    from jsonb_array_elements(p_definition -> 'sections') with ordinality s(section, si),
      jsonb_array_elements(s.section -> 'questions') with ordinality x(q, qi)
    where x.q ->> 'type' in ('single', 'multi', 'matrix', 'rating', 'ranking')
  ),
  keys as (
    select q.k, array(
      select o ->> 'key' from jsonb_array_elements(q.q -> 'options') with ordinality o(o, i)
      order by i) as options,
      array(
      select o ->> 'key' from jsonb_array_elements(q.q -> 'scale') with ordinality o(o, i)
      order by i) as scale
    from q
  )
  select q.k, '', keys.options
    || case when q.t <> 'ranking' and coalesce((q.q ->> 'other')::boolean, false)
            then array['other'] else '{}'::text[] end
  from q join keys using (k) where q.t in ('single', 'multi')
  union all
  select q.k, '', array(
    select p::text from generate_series(coalesce((q.q ->> 'startAt')::int, 1),
                                        coalesce((q.q ->> 'startAt')::int, 1)
                                          + (q.q ->> 'points')::int - 1) p)
  from q where q.t = 'rating'
  union all
  select q.k, (r.r ->> 'key') || '/' || (d.d ->> 'key'), keys.scale
  from q join keys using (k),
    jsonb_array_elements(q.q -> 'rows') with ordinality r(r, ri),
    jsonb_array_elements(q.q -> 'dimensions') with ordinality d(d, di)
  where q.t = 'matrix'
  union all
  select q.k, rank::text, keys.options
  from q join keys using (k), generate_series(1, coalesce((q.q ->> 'top')::int, 0)) rank
  where q.t = 'ranking'
$$;

-- The counts of every closed item, suppressed for the public. Each item is one
-- line whose total, choice '' (who answered the item), the page publishes as the
-- base of its percentages:
--   1. a count 0 < n < k is hidden (k = organizations.min_cell_size);
--   2. public.suppress_cells on the line (1 × choices) hides a second cell
--      wherever one hidden cell could be the total minus the shown ones;
--   3. the total itself is hidden when it is small (0 < n < k) or when the line
--      still has a single hidden cell (a question with one choice).
-- Every cell comes back, shown zeros included; hidden ones with n null.
create function koe_private.public_counts(p_survey_id uuid, p_definition jsonb, p_k int)
returns table (question_key text, item text, choice text, n bigint)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  l record;
  v_hidden boolean[];
  v_small boolean;
begin
  for l in
    with sums as (
      select rc.question_key, rc.item, rc.choice, sum(rc.n)::bigint as n
      from public.rollup_counts rc
      where rc.survey_id = p_survey_id
      group by rc.question_key, rc.item, rc.choice
    )
    select cl.question_key, cl.item, cl.choices,
      coalesce((select s.n from sums s where s.question_key = cl.question_key
                  and s.item = cl.item and s.choice = ''), 0) as answered,
      array(select coalesce(s.n, 0)
            from unnest(cl.choices) with ordinality c(key, i)
            left join sums s
              on s.question_key = cl.question_key and s.item = cl.item and s.choice = c.key
            order by c.i) as counts
    from koe_private.closed_lines(p_definition) cl
    where cardinality(cl.choices) > 0
  loop
    v_hidden := public.suppress_cells(l.counts, 1, cardinality(l.choices), p_k);
    v_small := (l.answered > 0 and l.answered < p_k)
      or (select count(*) from unnest(v_hidden) h where h) = 1;
    return query
      select l.question_key::text, l.item::text, ''::text,
        case when v_small then null else l.answered end;
    return query
      select l.question_key::text, l.item::text, l.choices[i],
        case when v_hidden[i] then null else l.counts[i] end
      from generate_series(1, cardinality(l.choices)) i;
  end loop;
end
$$;

-- The district × age-group table of respondents, suppressed as results_strata
-- does for staff without raw-data rights (public.suppressed_cells).
create function koe_private.public_strata(p_survey_id uuid, p_k int)
returns table (district text, age_group text, n bigint)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_districts text[];
  v_ages text[];
  v_counts bigint[];
begin
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
    from public.suppressed_cells(v_districts, v_ages, v_counts, p_k) c;
end
$$;

-- A survey's public results, or null unless its results are published: the
-- published version's questionnaire (for labels), the organisation's names of
-- districts and age groups, and only suppressed aggregates. The number of
-- respondents is null when it is itself a small cell.
create function public.public_results(p_slug text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
  v_definition jsonb;
  v_org jsonb;
  v_k int;
  v_respondents bigint;
begin
  select s.* into v_survey from public.surveys s
  where s.slug = p_slug and s.results_published and s.published_version_id is not null;
  if v_survey.id is null then
    return null;
  end if;
  select v.definition into v_definition
  from public.survey_versions v where v.id = v_survey.published_version_id;
  select o.name, o.min_cell_size into v_org, v_k
  from public.organizations o where o.id = v_survey.org_id;
  select coalesce(sum(rr.n), 0)::bigint into v_respondents
  from public.rollup_responses rr where rr.survey_id = v_survey.id;

  return jsonb_build_object(
    'slug', v_survey.slug,
    'title', v_survey.title,
    'organization', v_org,
    'status', v_survey.status,
    'definition', v_definition,
    'minCellSize', v_k,
    'respondents', case when v_respondents > 0 and v_respondents < v_k then null
                        else v_respondents end,
    'counts', coalesce((
      select jsonb_agg(jsonb_build_object('question_key', c.question_key, 'item', c.item,
                                          'choice', c.choice, 'n', c.n))
      from koe_private.public_counts(v_survey.id, v_definition, v_k) c), '[]'),
    'strata', coalesce((
      select jsonb_agg(jsonb_build_object('district', c.district, 'age_group', c.age_group,
                                          'n', c.n))
      from koe_private.public_strata(v_survey.id, v_k) c), '[]'),
    'districts', coalesce((
      select jsonb_agg(jsonb_build_object('code', d.code, 'name', d.name) order by d.sort, d.code)
      from public.districts d where d.org_id = v_survey.org_id), '[]'),
    'ageGroups', coalesce((
      select jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name) order by a.sort, a.code)
      from public.age_groups a where a.org_id = v_survey.org_id), '[]'));
end
$$;

-- The builder shows whether results are public: survey_for_editing as in
-- 20261202000100_rpc_reads.sql, with `resultsPublished`.
create or replace function public.survey_for_editing(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', s.id, 'orgId', s.org_id, 'slug', s.slug, 'title', s.title, 'status', s.status,
    'opensAt', s.opens_at, 'closesAt', s.closes_at,
    'publishedVersionId', s.published_version_id,
    'resultsPublished', s.results_published,
    'definition', (select v.definition from public.survey_versions v
                   where v.survey_id = s.id order by v.version desc limit 1),
    'draftVersionId', (public.survey_draft(s.id)).id,
    'versions', coalesce((
      select jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version,
                                          'publishedAt', v.published_at) order by v.version desc)
      from public.survey_versions v where v.survey_id = s.id), '[]'))
  from public.surveys s
  where s.id = p_survey_id and public.is_member(s.org_id, '{admin,editor}')
$$;

revoke all on function
  koe_private.guard_results_published(),
  koe_private.closed_lines(jsonb),
  koe_private.public_counts(uuid, jsonb, int),
  koe_private.public_strata(uuid, int),
  public.public_results(text),
  public.survey_set_results_published(uuid, boolean)
from public, anon, authenticated;

grant execute on function public.public_results(text) to anon, authenticated;
grant execute on function public.survey_set_results_published(uuid, boolean) to authenticated;
