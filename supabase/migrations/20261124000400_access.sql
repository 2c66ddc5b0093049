-- Who sees what. Residents (anon) see organisations, strata and open surveys;
-- staff see their own organisation's surveys, responses and rollups.

alter table public.organizations enable row level security;
alter table public.memberships enable row level security;
alter table public.districts enable row level security;
alter table public.age_groups enable row level security;
alter table public.surveys enable row level security;
alter table public.survey_versions enable row level security;
alter table public.responses enable row level security;
alter table public.answers enable row level security;
alter table public.rollup_counts enable row level security;
alter table public.rollup_responses enable row level security;

grant select on public.organizations, public.districts, public.age_groups,
  public.surveys, public.survey_versions to anon, authenticated;
grant select on public.memberships to authenticated;
-- anon holds the grant too, so reads are decided by the policies below (which give
-- anon nothing) rather than failing with an error.
grant select on public.responses, public.answers, public.rollup_counts,
  public.rollup_responses to anon, authenticated;

create policy organizations_read on public.organizations
  for select to anon, authenticated using (true);

create policy districts_read on public.districts
  for select to anon, authenticated using (true);

create policy age_groups_read on public.age_groups
  for select to anon, authenticated using (true);

create policy memberships_read_own on public.memberships
  for select to authenticated using (user_id = (select auth.uid()));

create policy surveys_read_open on public.surveys
  for select to anon, authenticated
  using (status in ('open', 'closed') and published_version_id is not null);

create policy surveys_read_staff on public.surveys
  for select to authenticated using ((select public.is_member(org_id)));

create policy survey_versions_read_published on public.survey_versions
  for select to anon, authenticated
  using (
    published_at is not null
    and exists (
      select 1 from public.surveys s
      where s.id = survey_id and s.status in ('open', 'closed')
    )
  );

create policy survey_versions_read_staff on public.survey_versions
  for select to authenticated
  using (exists (
    select 1 from public.surveys s
    where s.id = survey_id and (select public.is_member(s.org_id))
  ));

create policy responses_read_staff on public.responses
  for select to authenticated
  using (exists (
    select 1 from public.surveys s
    where s.id = survey_id and (select public.is_member(s.org_id))
  ));

create policy answers_read_staff on public.answers
  for select to authenticated
  using (exists (
    select 1 from public.surveys s
    where s.id = survey_id and (select public.is_member(s.org_id))
  ));

create policy rollup_counts_read_staff on public.rollup_counts
  for select to authenticated
  using (exists (
    select 1 from public.surveys s
    where s.id = survey_id and (select public.is_member(s.org_id))
  ));

create policy rollup_responses_read_staff on public.rollup_responses
  for select to authenticated
  using (exists (
    select 1 from public.surveys s
    where s.id = survey_id and (select public.is_member(s.org_id))
  ));

-- Aggregates read rollups with the caller's rights (security invoker), so the
-- policies above decide what each caller gets: nothing for anon.
create function public.results_question_counts(p_survey_id uuid)
returns table (question_key text, item text, choice text, n bigint)
language sql stable security invoker
set search_path = ''
as $$
  select question_key, item, choice, sum(n)::bigint
  from public.rollup_counts
  where survey_id = p_survey_id
  group by question_key, item, choice
$$;

create function public.results_crosstab(p_survey_id uuid, p_question_key text)
returns table (district text, age_group text, item text, choice text, n bigint)
language sql stable security invoker
set search_path = ''
as $$
  select district, age_group, item, choice, sum(n)::bigint
  from public.rollup_counts
  where survey_id = p_survey_id and question_key = p_question_key
  group by district, age_group, item, choice
$$;

create function public.results_strata(p_survey_id uuid)
returns table (district text, age_group text, n bigint)
language sql stable security invoker
set search_path = ''
as $$
  select district, age_group, sum(n)::bigint
  from public.rollup_responses
  where survey_id = p_survey_id
  group by district, age_group
$$;

grant execute on function public.results_question_counts(uuid),
  public.results_crosstab(uuid, text), public.results_strata(uuid) to anon, authenticated;
