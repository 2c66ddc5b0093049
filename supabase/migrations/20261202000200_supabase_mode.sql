-- What the Supabase mode needs beyond the shared functions: the first-run setup
-- for accounts that Supabase Auth created, and live dashboards through Realtime.

-- Setup stays open until some organisation has an admin.
create function public.setup_open()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select not exists (select 1 from public.memberships where role = 'admin')
$$;

-- The signed-in caller (an account Supabase Auth made) becomes the admin of a new
-- organisation, once. Returns a problem code ('setup_done', 'invalid_slug',
-- 'slug_taken', 'invalid_name') or null when done.
create function public.setup_first_organization(p_org_slug text, p_org_name_ja text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_slug text := lower(trim(coalesce(p_org_slug, '')));
  v_name text := trim(coalesce(p_org_name_ja, ''));
  v_org_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  -- One first admin, even when two people finish setup at once.
  lock table public.memberships in exclusive mode;
  if exists (select 1 from public.memberships where role = 'admin') then
    return 'setup_done';
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
  insert into public.organizations (slug, name)
  values (v_slug, jsonb_build_object('ja', v_name))
  returning id into v_org_id;
  insert into public.memberships (org_id, user_id, role)
  values (v_org_id, (select auth.uid()), 'admin');
  return null;
end
$$;

revoke all on function public.setup_open(), public.setup_first_organization(text, text)
  from public, anon, authenticated;
grant execute on function public.setup_open() to anon, authenticated;
grant execute on function public.setup_first_organization(text, text) to authenticated;

-- Live dashboards on Supabase: each response is broadcast on the private channel
-- `survey:<id>`, carrying the survey id only. Where Supabase Realtime is absent
-- (the SQL modes) nothing is created: those modes use LISTEN/NOTIFY.
do $migration$
begin
  if to_regclass('realtime.messages') is null then
    return;
  end if;

  create function koe_private.broadcast_response() returns trigger
  language plpgsql
  security definer
  set search_path = ''
  as $$
  begin
    perform realtime.send(jsonb_build_object('survey_id', new.survey_id), 'response',
                          'survey:' || new.survey_id::text, true);
    return null;
  end
  $$;

  create trigger responses_broadcast after insert on public.responses
    for each row execute function koe_private.broadcast_response();

  -- Who may join a survey's channel: staff who may read its counts.
  create policy koe_survey_channel_read on realtime.messages
    for select to authenticated
    using (
      realtime.messages.extension = 'broadcast'
      and case
        when (select realtime.topic()) ~ '^survey:[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
        then public.is_member(public.survey_org(substr((select realtime.topic()), 8)::uuid),
                              '{admin,editor,analyst}')
        else false
      end
    );
end
$migration$;
