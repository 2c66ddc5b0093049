-- Building questionnaires: drafts, immutable published versions, schedules,
-- duplicates and archiving. These run with the caller's rights (security
-- invoker), so row-level security decides that only editors and admins may.

alter table public.surveys drop constraint surveys_status_check;
alter table public.surveys add constraint surveys_status_check
  check (status in ('draft', 'open', 'closed', 'archived'));

-- The version being edited: the newest one, if it is not published yet.
create function public.survey_draft(p_survey_id uuid)
returns public.survey_versions
language sql stable
set search_path = ''
as $$
  select v.* from public.survey_versions v
  where v.survey_id = p_survey_id and v.published_at is null
  order by v.version desc limit 1
$$;

create function public.survey_create(p_org_id uuid, p_slug text, p_title jsonb, p_definition jsonb)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  insert into public.surveys (org_id, slug, title) values (p_org_id, p_slug, p_title)
  returning id into v_id;
  insert into public.survey_versions (survey_id, version, definition)
  values (v_id, 1, p_definition);
  return v_id;
end
$$;

-- Saves the definition being edited. Editing a published survey starts a new
-- draft version; published versions, and the responses that point at them, stay.
create function public.survey_save_draft(p_survey_id uuid, p_definition jsonb)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_draft public.survey_versions := public.survey_draft(p_survey_id);
  v_next integer;
begin
  if v_draft.id is not null then
    update public.survey_versions set definition = p_definition where id = v_draft.id;
    return v_draft.id;
  end if;
  select coalesce(max(version), 0) + 1 into v_next
  from public.survey_versions where survey_id = p_survey_id;
  if v_next = 1 and not exists (select 1 from public.surveys where id = p_survey_id) then
    raise exception 'no such survey' using errcode = '42501';
  end if;
  insert into public.survey_versions (survey_id, version, definition)
  values (p_survey_id, v_next, p_definition)
  returning id into v_draft.id;
  return v_draft.id;
end
$$;

-- Publishes the draft: it becomes immutable and the version residents answer.
create function public.survey_publish(p_survey_id uuid)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_draft public.survey_versions := public.survey_draft(p_survey_id);
begin
  if v_draft.id is null then
    raise exception 'nothing to publish' using errcode = '22023', hint = 'no_draft';
  end if;
  update public.survey_versions set published_at = now() where id = v_draft.id;
  update public.surveys
  set published_version_id = v_draft.id,
      status = case when status = 'draft' then 'open' else status end
  where id = p_survey_id;
  if not found then
    raise exception 'no such survey' using errcode = '42501';
  end if;
  return v_draft.id;
end
$$;

create function public.survey_set_schedule(
  p_survey_id uuid, p_status text, p_opens_at timestamptz, p_closes_at timestamptz
) returns void
language plpgsql
set search_path = ''
as $$
begin
  update public.surveys
  set status = p_status, opens_at = p_opens_at, closes_at = p_closes_at
  where id = p_survey_id;
  if not found then
    raise exception 'no such survey' using errcode = '42501';
  end if;
end
$$;

-- Copies a survey's newest definition (e.g. last year's) into a new draft survey.
create function public.survey_duplicate(p_survey_id uuid, p_slug text, p_title jsonb)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_source public.surveys;
  v_definition jsonb;
begin
  select * into v_source from public.surveys where id = p_survey_id;
  if v_source.id is null then
    raise exception 'no such survey' using errcode = '42501';
  end if;
  select definition into v_definition from public.survey_versions
  where survey_id = p_survey_id order by version desc limit 1;
  return public.survey_create(v_source.org_id, p_slug, p_title, v_definition);
end
$$;

revoke all on function public.survey_draft(uuid), public.survey_create(uuid, text, jsonb, jsonb),
  public.survey_save_draft(uuid, jsonb), public.survey_publish(uuid),
  public.survey_set_schedule(uuid, text, timestamptz, timestamptz),
  public.survey_duplicate(uuid, text, jsonb) from public;
grant execute on function public.survey_draft(uuid), public.survey_create(uuid, text, jsonb, jsonb),
  public.survey_save_draft(uuid, jsonb), public.survey_publish(uuid),
  public.survey_set_schedule(uuid, text, timestamptz, timestamptz),
  public.survey_duplicate(uuid, text, jsonb) to authenticated;
