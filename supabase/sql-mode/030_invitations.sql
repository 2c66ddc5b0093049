-- Accepting an invitation in the SQL modes: the invitee sets a password (or, if
-- they already have an account, confirms theirs) and becomes a member. On
-- Supabase, the invitee signs in with Supabase Auth and calls invitation_accept.
-- (plpgsql resolves public.invitations at run time: it is created by a migration
-- that runs after this bootstrap file.)

create or replace function public.auth_accept_invitation(p_token text, p_password text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text;
  v_user auth.users;
  v_problem text;
begin
  select i.email into v_email from public.invitations i
  where i.token_hash = sha256(convert_to(p_token, 'UTF8'))
    and i.accepted_at is null and i.expires_at > now();
  if v_email is null then
    return 'invitation_invalid';
  end if;
  select * into v_user from auth.users where email = v_email;
  if v_user.id is null then
    v_problem := koe_auth.password_problem(p_password, v_email);
    if v_problem is not null then
      return v_problem;
    end if;
    v_user.id := koe_auth.upsert_user(v_email, p_password);
  elsif v_user.encrypted_password is null
     or public.crypt(p_password, v_user.encrypted_password) <> v_user.encrypted_password then
    return 'wrong_password';
  end if;
  perform koe_private.accept_invitation(p_token, v_user.id);
  return null;
end
$$;

revoke all on function public.auth_accept_invitation(text, text) from public;
grant execute on function public.auth_accept_invitation(text, text) to anon, authenticated;
