-- Core tables: organisations, their staff, strata, surveys and immutable versions.

create schema if not exists koe_private;
revoke all on schema koe_private from public;

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name jsonb not null check (name ? 'ja'),
  min_cell_size integer not null default 5 check (min_cell_size between 3 and 10),
  created_at timestamptz not null default now()
);

create type public.member_role as enum ('admin', 'editor', 'analyst', 'data_entry');

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null,
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id);

create table public.districts (
  org_id uuid not null references public.organizations (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9_]{1,40}$'),
  name jsonb not null check (name ? 'ja'),
  sort integer not null default 0,
  primary key (org_id, code)
);

create table public.age_groups (
  org_id uuid not null references public.organizations (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9_]{1,40}$'),
  name jsonb not null check (name ? 'ja'),
  min_age integer not null check (min_age >= 0),
  max_age integer check (max_age is null or max_age >= min_age),
  sort integer not null default 0,
  primary key (org_id, code)
);

create table public.surveys (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
  title jsonb not null check (title ? 'ja'),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opens_at timestamptz,
  closes_at timestamptz,
  published_version_id uuid,
  created_at timestamptz not null default now(),
  check (closes_at is null or opens_at is null or closes_at > opens_at)
);
create index surveys_org_id_idx on public.surveys (org_id);

create table public.survey_versions (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references public.surveys (id) on delete cascade,
  version integer not null check (version > 0),
  definition jsonb not null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  unique (survey_id, version)
);

alter table public.surveys
  add constraint surveys_published_version_fk
  foreign key (published_version_id) references public.survey_versions (id);

-- A published version is what responses point at: it never changes again.
create function koe_private.keep_published_versions() returns trigger
language plpgsql as $$
begin
  -- Deleting the whole survey (or organisation) takes its versions with it.
  if tg_op = 'DELETE' and not exists (select 1 from public.surveys where id = old.survey_id) then
    return old;
  end if;
  if old.published_at is not null then
    raise exception 'survey version % is published and cannot change', old.id
      using errcode = '55000';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger survey_versions_immutable
  before update or delete on public.survey_versions
  for each row execute function koe_private.keep_published_versions();

-- Is the caller a member of this organisation (with one of these roles)?
create function public.is_member(p_org_id uuid, p_roles public.member_role[] default null)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = p_org_id
      and m.user_id = (select auth.uid())
      and (p_roles is null or m.role = any (p_roles))
  )
$$;
revoke all on function public.is_member(uuid, public.member_role[]) from public;
grant execute on function public.is_member(uuid, public.member_role[]) to anon, authenticated;
