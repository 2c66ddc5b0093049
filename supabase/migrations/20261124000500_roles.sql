-- Roles decide what staff may read and change; district-limited analysts see only
-- their districts' counts. Everything here is enforced by row-level security.
--
--   admin       organisation settings, members, everything an editor may do, raw data
--   editor      questionnaires, strata, samples, publishing; counts, no raw answers
--   analyst     dashboards and exports (counts), optionally limited to some districts;
--               raw answers only with raw_data
--   data_entry  keys in paper questionnaires (through functions); no results

alter table public.memberships
  add column districts text[],
  add column raw_data boolean not null default false;

comment on column public.memberships.districts is
  'analysts only: the district codes whose counts they may read; null means all';

-- May the caller read counts of this district in this organisation?
create function public.can_read_counts(p_org_id uuid, p_district text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = p_org_id
      and m.user_id = (select auth.uid())
      and m.role in ('admin', 'editor', 'analyst')
      and (m.role <> 'analyst' or m.districts is null or p_district = any (m.districts))
  )
$$;

-- May the caller read individual responses (raw data) of this organisation?
create function public.can_read_raw(p_org_id uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = p_org_id
      and m.user_id = (select auth.uid())
      and (m.role = 'admin' or (m.role = 'analyst' and m.raw_data))
  )
$$;

revoke all on function public.can_read_counts(uuid, text), public.can_read_raw(uuid) from public;
grant execute on function public.can_read_counts(uuid, text), public.can_read_raw(uuid)
  to anon, authenticated;

-- The survey's organisation, for policies on tables keyed by survey.
create function public.survey_org(p_survey_id uuid)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select org_id from public.surveys where id = p_survey_id
$$;
revoke all on function public.survey_org(uuid) from public;
grant execute on function public.survey_org(uuid) to anon, authenticated;

create index rollup_counts_district_idx on public.rollup_counts (survey_id, district);

-- Replace the first, coarse read policies with role-aware ones.
drop policy responses_read_staff on public.responses;
drop policy answers_read_staff on public.answers;
drop policy rollup_counts_read_staff on public.rollup_counts;
drop policy rollup_responses_read_staff on public.rollup_responses;
drop policy memberships_read_own on public.memberships;

create policy responses_read_raw on public.responses
  for select to authenticated
  using ((select public.can_read_raw(public.survey_org(survey_id))));

create policy answers_read_raw on public.answers
  for select to authenticated
  using ((select public.can_read_raw(public.survey_org(survey_id))));

create policy rollup_counts_read on public.rollup_counts
  for select to authenticated
  using (public.can_read_counts(public.survey_org(survey_id), district));

create policy rollup_responses_read on public.rollup_responses
  for select to authenticated
  using (public.can_read_counts(public.survey_org(survey_id), district));

-- Members: everyone sees their own memberships, admins see and manage their
-- organisation's. Adding members goes through invitations.
create policy memberships_read on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_member(org_id, '{admin}')));
create policy memberships_update on public.memberships
  for update to authenticated
  using ((select public.is_member(org_id, '{admin}')))
  with check ((select public.is_member(org_id, '{admin}')));
create policy memberships_delete on public.memberships
  for delete to authenticated
  using ((select public.is_member(org_id, '{admin}')));
grant update (role, districts, raw_data), delete on public.memberships to authenticated;

-- An organisation always keeps at least one admin.
create function koe_private.keep_an_admin() returns trigger
language plpgsql as $$
begin
  if old.role = 'admin' and (tg_op = 'DELETE' or new.role <> 'admin')
     and exists (select 1 from public.organizations where id = old.org_id)
     and not exists (
       select 1 from public.memberships
       where org_id = old.org_id and role = 'admin' and user_id <> old.user_id) then
    raise exception 'an organisation needs at least one admin' using errcode = '23514',
      hint = 'last_admin';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger memberships_keep_an_admin
  before update or delete on public.memberships
  for each row execute function koe_private.keep_an_admin();

-- Organisation settings: admins.
create policy organizations_update on public.organizations
  for update to authenticated
  using ((select public.is_member(id, '{admin}')))
  with check ((select public.is_member(id, '{admin}')));
grant update (name, min_cell_size) on public.organizations to authenticated;

-- Strata, surveys and questionnaire versions: editors and admins.
create policy districts_write on public.districts
  for all to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')))
  with check ((select public.is_member(org_id, '{admin,editor}')));
create policy age_groups_write on public.age_groups
  for all to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')))
  with check ((select public.is_member(org_id, '{admin,editor}')));
create policy surveys_write on public.surveys
  for all to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')))
  with check ((select public.is_member(org_id, '{admin,editor}')));
create policy survey_versions_write on public.survey_versions
  for all to authenticated
  using ((select public.is_member(public.survey_org(survey_id), '{admin,editor}')))
  with check ((select public.is_member(public.survey_org(survey_id), '{admin,editor}')));
grant insert, update, delete on public.districts, public.age_groups, public.surveys,
  public.survey_versions to authenticated;

-- Whether a survey's counts include demo responses: a banner for everyone who
-- may read its counts, without giving them the responses themselves.
create function public.survey_has_demo_data(p_survey_id uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select public.is_member(public.survey_org(p_survey_id))
     and exists (select 1 from public.responses where survey_id = p_survey_id and is_demo)
$$;
revoke all on function public.survey_has_demo_data(uuid) from public;
grant execute on function public.survey_has_demo_data(uuid) to anon, authenticated;
