-- Admins invite staff with a one-time link; accepting it creates the membership.
-- Only the token's hash is stored.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  role public.member_role not null,
  token_hash bytea not null unique,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz
);
create index invitations_org_id_idx on public.invitations (org_id);

alter table public.invitations enable row level security;
create policy invitations_admin_read on public.invitations
  for select to authenticated using ((select public.is_member(org_id, '{admin}')));
create policy invitations_admin_delete on public.invitations
  for delete to authenticated using ((select public.is_member(org_id, '{admin}')));
grant select (id, org_id, email, role, created_by, created_at, expires_at, accepted_at), delete
  on public.invitations to authenticated;

-- Returns the one-time token to put in the link (shown once, never stored).
create function public.invitation_create(p_org_id uuid, p_email text, p_role public.member_role)
returns text
language plpgsql security definer
set search_path = ''
as $$
declare
  -- two random UUIDs: 244 random bits from core PostgreSQL, no extension needed
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if not public.is_member(p_org_id, '{admin}') then
    raise exception 'only admins invite' using errcode = '42501';
  end if;
  insert into public.invitations (org_id, email, role, token_hash, created_by)
  values (p_org_id, lower(trim(p_email)), p_role, sha256(convert_to(v_token, 'UTF8')), auth.uid());
  return v_token;
end
$$;

-- What an invitation link offers, for the acceptance page (no secrets).
create function public.invitation_peek(p_token text)
returns table (email text, role public.member_role, organization jsonb)
language sql stable security definer
set search_path = ''
as $$
  select i.email, i.role, o.name
  from public.invitations i join public.organizations o on o.id = i.org_id
  where i.token_hash = sha256(convert_to(p_token, 'UTF8'))
    and i.accepted_at is null and i.expires_at > now()
$$;

-- Accepts an invitation for the given user (created by the caller's auth mode).
create function koe_private.accept_invitation(p_token text, p_user_id uuid)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v public.invitations;
begin
  select * into v from public.invitations
  where token_hash = sha256(convert_to(p_token, 'UTF8'))
    and accepted_at is null and expires_at > now()
  for update;
  if v.id is null then
    raise exception 'invitation is unknown, used or expired' using errcode = '22023',
      hint = 'invitation_invalid';
  end if;
  insert into public.memberships (org_id, user_id, role)
  values (v.org_id, p_user_id, v.role)
  on conflict (org_id, user_id) do update set role = excluded.role;
  update public.invitations set accepted_at = now() where id = v.id;
  return v.org_id;
end
$$;

-- The signed-in caller accepts an invitation (Supabase mode and existing users).
create function public.invitation_accept(p_token text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  return koe_private.accept_invitation(p_token, auth.uid());
end
$$;

revoke all on function public.invitation_create(uuid, text, public.member_role),
  public.invitation_peek(text), public.invitation_accept(text) from public;
grant execute on function public.invitation_create(uuid, text, public.member_role),
  public.invitation_accept(text) to authenticated;
grant execute on function public.invitation_peek(text) to anon, authenticated;

-- Members' email addresses, for their organisation's admins only (auth.users is
-- not readable by the API roles).
create function public.member_emails(p_org_id uuid)
returns table (user_id uuid, email text)
language sql stable security definer
set search_path = ''
as $$
  select u.id, u.email::text
  from auth.users u join public.memberships m on m.user_id = u.id
  where m.org_id = p_org_id and public.is_member(p_org_id, '{admin}')
$$;
revoke all on function public.member_emails(uuid) from public;
grant execute on function public.member_emails(uuid) to authenticated;
