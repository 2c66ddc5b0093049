-- Koe's SQL auth, hardened: password rules, sign-in lock-out, one-time password
-- reset links, sign-out everywhere and the first-run setup. SQL modes only (on
-- Supabase, Supabase Auth does all of this). 010 is already applied on existing
-- databases, so its functions are replaced here rather than edited there.

-- Password rules -------------------------------------------------------------

-- Why a new password is refused, or null when it is acceptable. The codes are
-- message keys in the app (auth.password.<code>). Length and "not common" are
-- what matters (NIST SP 800-63B); no composition rules beyond refusing the trivial.
create or replace function koe_auth.password_problem(p_password text, p_email text default null)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_lower text := lower(coalesce(p_password, ''));
  v_local text := split_part(lower(trim(coalesce(p_email, ''))), '@', 1);
  v_letters text := regexp_replace(v_lower, '[^a-z]', '', 'g');
begin
  if char_length(coalesce(p_password, '')) < 12 then
    return 'too_short';
  end if;
  -- bcrypt ignores everything after 72 bytes; a longer password would only seem stronger.
  if octet_length(p_password) > 72 then
    return 'too_long';
  end if;
  if (select count(distinct c) from regexp_split_to_table(v_lower, '') as c) < 5
     or p_password ~ '^[0-9\s./:-]+$'  -- a number, a date, a phone number
     or position(v_lower in 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz') > 0
     or position(v_lower in 'zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponmlkjihgfedcba') > 0
     or position(v_lower in 'qwertyuiopasdfghjklzxcvbnmqwertyuiop') > 0
     or position(v_lower in '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p') > 0
     or position(v_lower in '1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p') > 0 then
    return 'too_simple';
  end if;
  if char_length(v_local) >= 3 and position(v_local in v_lower) > 0 then
    return 'contains_email';
  end if;
  -- Common passwords, and common words dressed up with digits and symbols
  -- ("Password2026!", "koe-demo-2026": the demo's password is public).
  if v_lower = any (array[
       'password1234', 'password12345', 'password123456', 'password2024', 'password2025',
       'password2026', 'passw0rd1234', 'p@ssw0rd1234', 'qwerty123456', 'qwertyuiop123',
       '123456789abc', 'abc123456789', '1234567890ab', 'iloveyou1234', 'administrator',
       'administrator1', 'welcome12345', 'letmein12345', 'changeme1234', 'trustno11234',
       'football1234', 'baseball1234', 'sunshine1234', 'princess1234', 'qazwsxedcrfv',
       'zaq12wsxcde3', 'koe-demo-2026'])
     or v_letters = any (array[
       'password', 'passwd', 'pass', 'qwerty', 'qwertyuiop', 'asdf', 'asdfgh', 'zxcvbn',
       'qazwsx', 'abc', 'abcdef', 'admin', 'administrator', 'root', 'user', 'guest', 'test',
       'login', 'welcome', 'letmein', 'iloveyou', 'changeme', 'secret', 'master', 'dragon',
       'monkey', 'sunshine', 'princess', 'football', 'baseball', 'koe', 'koedemo', 'demo',
       'japan', 'nippon', 'tokyo', 'sakura', 'pokemon', 'yakusho', 'shiyakusho', 'yakuba',
       'kuyakusho', 'shicho', 'somu', 'kikaku', 'sogokeikaku'])
  then
    return 'too_common';
  end if;
  return null;
end
$$;
revoke all on function koe_auth.password_problem(text, text) from public;

-- Sign-in lock-out -----------------------------------------------------------

-- Failed sign-ins, known address or not. The address is kept only as a SHA-256 of
-- its lower-cased form: the table has to record addresses that belong to nobody
-- here (typos, guesses, people who are not staff), and a leaked copy should not
-- list them. The hash still lets an attacker confirm a guessed address, so rows
-- are also deleted after 30 minutes: the table never holds more than that.
create table if not exists koe_auth.sign_in_failures (
  email_hash bytea not null,
  failed_at timestamptz not null default now()
);
create index if not exists sign_in_failures_email_idx
  on koe_auth.sign_in_failures (email_hash, failed_at);
create index if not exists sign_in_failures_at_idx on koe_auth.sign_in_failures (failed_at);

create or replace function koe_auth.email_hash(p_email text)
returns bytea
language sql
immutable
set search_path = ''
as $$
  select public.digest(lower(trim(coalesce(p_email, ''))), 'sha256')
$$;

-- Locked out: some failure in the last 15 minutes was the fifth (or later) within
-- 15 minutes. The lock therefore lasts 15 minutes from the failure that caused it;
-- attempts refused while locked are not counted, so they do not extend it.
create or replace function koe_auth.locked_out(p_email_hash bytea)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from koe_auth.sign_in_failures f
    where f.email_hash = p_email_hash
      and f.failed_at > now() - interval '15 minutes'
      and (select count(*) from koe_auth.sign_in_failures g
           where g.email_hash = p_email_hash
             and g.failed_at > f.failed_at - interval '15 minutes'
             and g.failed_at <= f.failed_at) >= 5
  )
$$;

-- A sign-in attempt: a new session token, or none; `locked` says that the address
-- (registered or not, which is why saying so reveals nothing) has had too many
-- failures. Every path runs exactly one bcrypt, so the time taken does not tell an
-- unknown address, a wrong password and a lock-out apart.
create or replace function public.auth_sign_in_attempt(
  p_email text, p_password text, out token text, out locked boolean)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(trim(coalesce(p_email, '')));
  v_key bytea := koe_auth.email_hash(p_email);
  v_user auth.users;
  v_hash text;
  v_match boolean;
begin
  -- One attempt per address at a time, so parallel guesses cannot all pass the count
  -- before any of them is recorded.
  perform pg_advisory_xact_lock(hashtextextended('koe-sign-in:' || v_email, 0));
  delete from koe_auth.sign_in_failures where failed_at < now() - interval '30 minutes';
  locked := koe_auth.locked_out(v_key);

  select * into v_user from auth.users where email = v_email;
  v_hash := coalesce(v_user.encrypted_password, public.gen_salt('bf', 10));
  v_match := public.crypt(coalesce(p_password, ''), v_hash) = v_hash
             and v_user.encrypted_password is not null;

  if locked then
    return;
  end if;
  if not v_match then
    insert into koe_auth.sign_in_failures (email_hash) values (v_key);
    locked := koe_auth.locked_out(v_key);
    return;
  end if;

  delete from koe_auth.sign_in_failures where email_hash = v_key;
  token := encode(public.gen_random_bytes(32), 'hex');
  insert into koe_auth.sessions (token_hash, user_id)
  values (public.digest(token, 'sha256'), v_user.id);
  update auth.users set last_sign_in_at = now() where id = v_user.id;
  delete from koe_auth.sessions where expires_at < now();
end
$$;

-- 010's sign-in, now with the same rules (a direct call must not bypass the lock-out).
create or replace function public.auth_sign_in(p_email text, p_password text)
returns text
language sql
security definer
set search_path = ''
as $$
  select token from public.auth_sign_in_attempt(p_email, p_password)
$$;

-- Sign-out everywhere --------------------------------------------------------

create or replace function public.auth_sign_out_everywhere()
returns void
language sql
security definer
set search_path = ''
as $$
  delete from koe_auth.sessions where user_id = auth.uid()
$$;

-- Password reset -------------------------------------------------------------

create table if not exists koe_auth.password_resets (
  token_hash bytea primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '1 hour'
);
create index if not exists password_resets_user_id_idx on koe_auth.password_resets (user_id);

-- A one-time reset token for this user (for the mailed link, or for an admin to
-- hand over). Only its hash is stored; it works once, for one hour.
create or replace function koe_auth.issue_password_reset(p_user_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_token text := encode(public.gen_random_bytes(32), 'hex');
begin
  if not exists (select 1 from auth.users where id = p_user_id) then
    return null;
  end if;
  delete from koe_auth.password_resets where expires_at < now();
  insert into koe_auth.password_resets (token_hash, user_id)
  values (public.digest(v_token, 'sha256'), p_user_id);
  return v_token;
end
$$;
revoke all on function koe_auth.issue_password_reset(uuid) from public;

-- A reset token for a registered address, or null. The app answers the same either
-- way and only mails the link. At most three links per hour per user, so the form
-- cannot be used to flood someone's mailbox.
create or replace function public.auth_request_password_reset(p_email text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid;
begin
  select id into v_user_id from auth.users where email = lower(trim(coalesce(p_email, '')));
  if v_user_id is null then
    return null;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('koe-reset:' || v_user_id::text, 0));
  if (select count(*) from koe_auth.password_resets
      where user_id = v_user_id and created_at > now() - interval '1 hour') >= 3 then
    return null;
  end if;
  return koe_auth.issue_password_reset(v_user_id);
end
$$;

-- Can this reset token still be used? (So the page can say so before asking for a password.)
create or replace function public.auth_password_reset_valid(p_token text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from koe_auth.password_resets
    where token_hash = public.digest(coalesce(p_token, ''), 'sha256') and expires_at > now()
  )
$$;

-- Sets a new password with a reset token: 'invalid_token', a password problem, or
-- null when done. Success uses up every reset token of the user, ends all their
-- sessions (whoever had the old password is signed out) and lifts a lock-out.
create or replace function public.auth_reset_password(p_token text, p_password text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid;
  v_email text;
  v_problem text;
begin
  select r.user_id into v_user_id from koe_auth.password_resets r
  where r.token_hash = public.digest(coalesce(p_token, ''), 'sha256') and r.expires_at > now()
  for update;
  if v_user_id is null then
    return 'invalid_token';
  end if;
  select email into v_email from auth.users where id = v_user_id;
  v_problem := koe_auth.password_problem(p_password, v_email);
  if v_problem is not null then
    return v_problem;
  end if;
  update auth.users
  set encrypted_password = public.crypt(p_password, public.gen_salt('bf', 10)),
      email_confirmed_at = coalesce(email_confirmed_at, now()),
      updated_at = now()
  where id = v_user_id;
  delete from koe_auth.password_resets where user_id = v_user_id;
  delete from koe_auth.sessions where user_id = v_user_id;
  delete from koe_auth.sign_in_failures where email_hash = koe_auth.email_hash(v_email);
  return null;
end
$$;

-- First-run setup ------------------------------------------------------------

create or replace function public.auth_setup_needed()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select not exists (select 1 from auth.users)
$$;

-- Creates the first user as admin of a new organisation, only while there is no
-- user at all. Returns a problem code ('setup_done', 'invalid_email', a password
-- problem, 'invalid_slug', 'slug_taken', 'invalid_name') or null when done.
create or replace function public.auth_first_admin(
  p_email text, p_password text, p_org_slug text, p_org_name_ja text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(trim(coalesce(p_email, '')));
  v_slug text := lower(trim(coalesce(p_org_slug, '')));
  v_name text := trim(coalesce(p_org_name_ja, ''));
  v_problem text;
  v_user_id uuid;
  v_org_id uuid;
begin
  -- EXCLUSIVE blocks every other writer of auth.users (a second setup, an invitation
  -- being accepted) until this transaction ends, while sign-in reads go on. The
  -- check below runs after the lock is granted, so it sees whatever a concurrent
  -- setup committed: only one first admin.
  lock table auth.users in exclusive mode;
  if exists (select 1 from auth.users) then
    return 'setup_done';
  end if;
  if char_length(v_email) > 320 or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    return 'invalid_email';
  end if;
  v_problem := koe_auth.password_problem(p_password, v_email);
  if v_problem is not null then
    return v_problem;
  end if;
  if v_slug !~ '^[a-z0-9][a-z0-9-]{1,62}$' then
    return 'invalid_slug';
  end if;
  if exists (select 1 from public.organizations where slug = v_slug) then
    return 'slug_taken';
  end if;
  if char_length(v_name) not between 1 and 100 then
    return 'invalid_name';
  end if;

  insert into auth.users (email, encrypted_password, email_confirmed_at)
  values (v_email, public.crypt(p_password, public.gen_salt('bf', 10)), now())
  returning id into v_user_id;
  insert into public.organizations (slug, name)
  values (v_slug, jsonb_build_object('ja', v_name))
  returning id into v_org_id;
  insert into public.memberships (org_id, user_id, role) values (v_org_id, v_user_id, 'admin');
  return null;
end
$$;

-- Grants ---------------------------------------------------------------------

revoke all on function koe_auth.email_hash(text), koe_auth.locked_out(bytea) from public;
revoke all on function public.auth_sign_in_attempt(text, text),
  public.auth_sign_out_everywhere(), public.auth_request_password_reset(text),
  public.auth_password_reset_valid(text), public.auth_reset_password(text, text),
  public.auth_setup_needed(), public.auth_first_admin(text, text, text, text) from public;
-- The app calls these as an anonymous visitor (sign-in, reset and setup happen
-- before there is a session); only signing out everywhere needs one.
grant execute on function public.auth_sign_in_attempt(text, text),
  public.auth_request_password_reset(text), public.auth_password_reset_valid(text),
  public.auth_reset_password(text, text), public.auth_setup_needed(),
  public.auth_first_admin(text, text, text, text) to anon;
grant execute on function public.auth_sign_out_everywhere() to authenticated;
