-- Every read the app makes, as a function: the SQL modes and supabase-js then
-- call exactly the same thing (`select … from public.fn(…)` in one case,
-- `.rpc('fn', …)` through PostgREST in the other). All are security invoker, so
-- the row-level security of the tables they read still decides what a caller gets.

create function public.surveys_open()
returns table (id uuid, slug text, title jsonb, status text, organization jsonb)
language sql stable security invoker
set search_path = ''
as $$
  select s.id, s.slug, s.title, s.status, o.name
  from public.surveys s
  join public.organizations o on o.id = s.org_id
  where s.status = 'open' and s.published_version_id is not null
  order by s.created_at desc
$$;

-- The published survey a resident answers: its current version, or the version
-- a resumed draft was answering.
create function public.survey_published(p_slug text, p_version_id uuid default null)
returns table (
  id uuid, slug text, title jsonb, status text, organization jsonb,
  "versionId" uuid, definition jsonb, accepting boolean
)
language sql stable security invoker
set search_path = ''
as $$
  select s.id, s.slug, s.title, s.status, o.name, v.id, v.definition,
         s.status = 'open' and (s.opens_at is null or s.opens_at <= now())
           and (s.closes_at is null or s.closes_at > now())
  from public.surveys s
  join public.organizations o on o.id = s.org_id
  join public.survey_versions v on v.survey_id = s.id
  where s.slug = p_slug and v.published_at is not null
    and v.id = coalesce(p_version_id, s.published_version_id)
$$;

create function public.surveys_for_staff()
returns table (id uuid, slug text, title jsonb, status text, organization jsonb)
language sql stable security invoker
set search_path = ''
as $$
  select s.id, s.slug, s.title, s.status, o.name
  from public.surveys s
  join public.organizations o on o.id = s.org_id
  where public.is_member(s.org_id)
  order by s.created_at desc
$$;

-- The survey's districts and age groups, in their display order.
create function public.survey_strata(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'districts', coalesce((
      select jsonb_agg(jsonb_build_object('code', d.code, 'name', d.name) order by d.sort, d.code)
      from public.districts d join public.surveys s on s.org_id = d.org_id
      where s.id = p_survey_id), '[]'),
    'ageGroups', coalesce((
      select jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name) order by a.sort, a.code)
      from public.age_groups a join public.surveys s on s.org_id = a.org_id
      where s.id = p_survey_id), '[]'))
$$;

create function public.survey_raw_readable(p_survey_id uuid)
returns boolean
language sql stable security invoker
set search_path = ''
as $$
  select public.can_read_raw(public.survey_org(p_survey_id))
$$;

-- The caller's organisations and role in each.
create function public.my_memberships()
returns table ("orgId" uuid, "orgSlug" text, organization jsonb, role public.member_role)
language sql stable security invoker
set search_path = ''
as $$
  select m.org_id, o.slug, o.name, m.role
  from public.memberships m join public.organizations o on o.id = m.org_id
  where m.user_id = (select auth.uid())
  order by o.slug
$$;

create function public.members_list(p_org_id uuid)
returns table (
  "userId" uuid, email text, role public.member_role, districts text[], "rawData" boolean,
  "createdAt" timestamptz
)
language sql stable security invoker
set search_path = ''
as $$
  select m.user_id, u.email, m.role, m.districts, m.raw_data, m.created_at
  from public.memberships m join public.member_emails(m.org_id) u on u.user_id = m.user_id
  where m.org_id = p_org_id
  order by u.email
$$;

create function public.invitations_list(p_org_id uuid)
returns table (
  id uuid, email text, role public.member_role, "createdAt" timestamptz,
  "expiresAt" timestamptz, "acceptedAt" timestamptz
)
language sql stable security invoker
set search_path = ''
as $$
  select i.id, i.email, i.role, i.created_at, i.expires_at, i.accepted_at
  from public.invitations i
  where i.org_id = p_org_id
  order by i.created_at desc
$$;

-- Changes return whether a row was changed: false when it is unknown or the
-- policies hide it from the caller.
create function public.invitation_revoke(p_org_id uuid, p_invitation_id uuid)
returns boolean
language sql volatile security invoker
set search_path = ''
as $$
  with gone as (
    delete from public.invitations where org_id = p_org_id and id = p_invitation_id returning 1
  )
  select exists (select 1 from gone)
$$;

create function public.membership_set_role(p_org_id uuid, p_user_id uuid, p_role public.member_role)
returns boolean
language sql volatile security invoker
set search_path = ''
as $$
  with changed as (
    update public.memberships set role = p_role
    where org_id = p_org_id and user_id = p_user_id returning 1
  )
  select exists (select 1 from changed)
$$;

create function public.membership_remove(p_org_id uuid, p_user_id uuid)
returns boolean
language sql volatile security invoker
set search_path = ''
as $$
  with gone as (
    delete from public.memberships where org_id = p_org_id and user_id = p_user_id returning 1
  )
  select exists (select 1 from gone)
$$;

create function public.audit_list(
  p_org_id uuid,
  p_entity text default null,
  p_actor text default null,
  p_from date default null,
  p_to date default null,
  p_limit integer default 200
)
returns table (
  id text, at timestamptz, "actorEmail" text, action text, entity text, "entityId" text,
  before jsonb, after jsonb
)
language sql stable security invoker
set search_path = ''
as $$
  select a.id::text, a.at, a.actor_email, a.action, a.entity, a.entity_id::text, a.before, a.after
  from public.audit_log a
  where a.org_id = p_org_id
    and (p_entity is null or a.entity = p_entity)
    and (p_actor is null or a.actor_email ilike '%' || p_actor || '%')
    and (p_from is null or a.at >= p_from)
    and (p_to is null or a.at < p_to + 1)
  order by a.at desc, a.id desc
  limit least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;

-- A survey as the builder edits it: the newest definition and every version.
create function public.survey_for_editing(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', s.id, 'orgId', s.org_id, 'slug', s.slug, 'title', s.title, 'status', s.status,
    'opensAt', s.opens_at, 'closesAt', s.closes_at,
    'publishedVersionId', s.published_version_id,
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

-- For health checks: answers when the database does.
create function public.health()
returns boolean
language sql stable security invoker
set search_path = ''
as $$ select true $$;

revoke all on function
  public.surveys_open(), public.survey_published(text, uuid), public.surveys_for_staff(),
  public.survey_strata(uuid), public.survey_raw_readable(uuid), public.my_memberships(),
  public.members_list(uuid), public.invitations_list(uuid), public.invitation_revoke(uuid, uuid),
  public.membership_set_role(uuid, uuid, public.member_role), public.membership_remove(uuid, uuid),
  public.audit_list(uuid, text, text, date, date, integer), public.survey_for_editing(uuid),
  public.health()
from public;

grant execute on function
  public.surveys_open(), public.survey_published(text, uuid), public.survey_strata(uuid),
  public.health()
to anon, authenticated;

grant execute on function
  public.surveys_for_staff(), public.survey_raw_readable(uuid), public.my_memberships(),
  public.members_list(uuid), public.invitations_list(uuid), public.invitation_revoke(uuid, uuid),
  public.membership_set_role(uuid, uuid, public.member_role), public.membership_remove(uuid, uuid),
  public.audit_list(uuid, text, text, date, date, integer), public.survey_for_editing(uuid)
to authenticated;
