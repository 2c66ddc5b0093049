-- Koe's own auth for the SQL modes: bcrypt passwords (pgcrypto crypt, the format
-- Supabase Auth uses) and revocable server-side sessions. Only the token's hash is
-- stored, so a leaked table does not leak sessions.

create schema if not exists koe_auth;
revoke all on schema koe_auth from public;

create table if not exists koe_auth.sessions (
  token_hash bytea primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '12 hours'
);
create index if not exists sessions_user_id_idx on koe_auth.sessions (user_id);

-- Returns a new session token, or null when the email or password is wrong.
-- Both cases take a bcrypt comparison so timing does not reveal which.
create or replace function public.auth_sign_in(p_email text, p_password text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user auth.users;
  v_token text;
begin
  select * into v_user from auth.users where email = lower(trim(p_email));
  if v_user.id is null then
    perform public.crypt(p_password, public.gen_salt('bf', 10));
    return null;
  end if;
  if v_user.encrypted_password is null
     or public.crypt(p_password, v_user.encrypted_password) <> v_user.encrypted_password then
    return null;
  end if;
  v_token := encode(public.gen_random_bytes(32), 'hex');
  insert into koe_auth.sessions (token_hash, user_id)
  values (public.digest(v_token, 'sha256'), v_user.id);
  update auth.users set last_sign_in_at = now() where id = v_user.id;
  delete from koe_auth.sessions where expires_at < now();
  return v_token;
end
$$;

-- The claims Supabase Auth would put in its JWT, for a live session token.
create or replace function public.auth_session_claims(p_token text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('sub', u.id, 'role', 'authenticated', 'email', u.email,
                            'aud', 'authenticated')
  from koe_auth.sessions s
  join auth.users u on u.id = s.user_id
  where s.token_hash = public.digest(p_token, 'sha256')
    and s.expires_at > now()
$$;

create or replace function public.auth_sign_out(p_token text)
returns void
language sql
security definer
set search_path = ''
as $$
  delete from koe_auth.sessions where token_hash = public.digest(p_token, 'sha256')
$$;

-- Creates or updates a staff user (used by the seed and, later, by invitations).
create or replace function koe_auth.upsert_user(p_email text, p_password text)
returns uuid
language sql
as $$
  insert into auth.users (email, encrypted_password, email_confirmed_at)
  values (lower(trim(p_email)), public.crypt(p_password, public.gen_salt('bf', 10)), now())
  on conflict (email) do update set encrypted_password = excluded.encrypted_password,
                                    updated_at = now()
  returning id
$$;

revoke all on function public.auth_sign_in(text, text) from public;
revoke all on function public.auth_session_claims(text) from public;
revoke all on function public.auth_sign_out(text) from public;
grant execute on function public.auth_sign_in(text, text) to anon;
grant execute on function public.auth_session_claims(text) to anon, authenticated;
grant execute on function public.auth_sign_out(text) to anon, authenticated;
