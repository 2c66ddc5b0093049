-- What a fresh Supabase project provides before its first migration, reduced to
-- what Koe's migrations and seed may touch. Applied *instead of* supabase/sql-mode
-- by supabase-shape.test.ts, so a migration that leans on anything from
-- sql-mode (koe_auth, pgcrypto in public, a unique auth.users.email …) fails here.
--
-- Run it as a superuser (it plays Supabase's platform admin) in the target
-- database. `koe.migration_role` names the role that then runs the migrations,
-- Supabase's non-superuser `postgres`; without it, the current role.
-- Shapes follow Supabase Auth (GoTrue) and Supabase Realtime's own migrations.

-- Roles ----------------------------------------------------------------------

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST and Realtime log in as this and switch to the caller's role.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  -- Owns realtime.messages; `postgres` is a member, so migrations can add policies to it.
  if not exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then
    create role supabase_realtime_admin nologin noinherit noreplication;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Extensions live in their own schema; the database's search_path includes it.
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;

-- Supabase Auth ----------------------------------------------------------------

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- GoTrue's table: no default id, varchar columns, and email unique only among
-- non-SSO users (a partial index, so `on conflict (email)` does not work here).
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0
    check (email_change_confirm_status between 0 and 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email)
  where is_sso_user = false;

create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

-- PostgREST and Realtime put the verified JWT's claims in request.jwt.claims.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select nullif(auth.jwt() ->> 'role', '')
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select nullif(auth.jwt() ->> 'email', '')
$$;

-- Supabase Realtime: broadcast from the database ---------------------------------

create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

-- Realtime partitions this table by day (PARTITION BY RANGE (inserted_at)) and
-- deletes old partitions; a plain table is enough to receive messages here.
create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  id uuid not null default gen_random_uuid(),
  primary key (id, inserted_at)
);
alter table realtime.messages enable row level security;
alter table realtime.messages owner to supabase_realtime_admin;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;

-- The topic of the message being authorised: policies on realtime.messages read it.
create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;
alter function realtime.topic() owner to supabase_realtime_admin;

-- Like Supabase's: a failure to broadcast is a warning, never the caller's error.
create or replace function realtime.send(
  payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
declare
  v_id uuid := gen_random_uuid();
begin
  begin
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (v_id,
            case when payload ? 'id' then payload else jsonb_set(payload, '{id}', to_jsonb(v_id)) end,
            event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end
$$;

-- Postgres Changes reads this publication; migrations may add tables to it.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- The database and the migration role -------------------------------------------

do $$
declare
  v_owner text := coalesce(nullif(current_setting('koe.migration_role', true), ''), current_user);
begin
  execute format('alter database %I set search_path = "$user", public, extensions',
                 current_database());
  -- Supabase's `postgres` may act as the API roles and manage Realtime's table.
  execute format('grant anon, authenticated, service_role, supabase_realtime_admin to %I', v_owner);
  execute format('grant usage on schema auth, extensions, realtime to %I', v_owner);
  execute format('grant all on all tables in schema auth to %I', v_owner);
  execute format('alter publication supabase_realtime owner to %I', v_owner);
  -- What it creates in public is usable by the API roles at once: on Supabase,
  -- row-level security, not a missing grant, is what keeps a table private.
  execute format('alter default privileges for role %I in schema public
                  grant all on tables to anon, authenticated, service_role', v_owner);
  execute format('alter default privileges for role %I in schema public
                  grant all on functions to anon, authenticated, service_role', v_owner);
  execute format('alter default privileges for role %I in schema public
                  grant all on sequences to anon, authenticated, service_role', v_owner);
end
$$;

grant usage on schema public to anon, authenticated, service_role;
