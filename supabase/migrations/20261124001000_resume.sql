-- Save and resume: a resident's answers so far, kept under a resume code.
--
-- Anonymity: a draft holds the hash of its resume code, the survey, the version,
-- the answers and the page to land on; no person, no invitation code, no
-- idempotency key, so nothing joins it to submission_receipts or to a response.
-- Dates are days only. The session deletes its draft when it submits, and every
-- draft expires after 30 days or when the survey closes, whichever is first.
--
-- A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I):
-- 32^12 = 2^60 codes, far beyond guessing at any request rate the app allows.
-- It is shown grouped (ABCD-EFGH-JKLM); typed input may have any case, spaces,
-- hyphens or full-width characters (everything but letters and digits is dropped).

create table koe_private.answer_drafts (
  code_hash bytea primary key check (octet_length(code_hash) = 32),
  survey_id uuid not null references public.surveys (id) on delete cascade,
  version_id uuid not null references public.survey_versions (id) on delete cascade,
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  page integer not null check (page between 0 and 999),
  saved_on date not null default current_date,
  expires_on date not null
);
create index answer_drafts_expires_on_idx on koe_private.answer_drafts (expires_on);
create index answer_drafts_survey_id_idx on koe_private.answer_drafts (survey_id);
alter table koe_private.answer_drafts enable row level security;
revoke all on koe_private.answer_drafts from public;

-- The canonical form of a typed code (12 characters of the alphabet), or null.
create function koe_private.resume_code(p_code text) returns text
language sql immutable
set search_path = ''
as $$
  select c from (
    select regexp_replace(upper(normalize(coalesce(p_code, ''), NFKC)), '[^0-9A-Z]', '', 'g') as c
  ) t
  where c ~ '^[2-9A-HJ-NP-Z]{12}$'
$$;

create function koe_private.resume_code_hash(p_code text) returns bytea
language sql immutable
set search_path = ''
as $$ select sha256(convert_to(p_code, 'UTF8')) $$;

-- 12 characters from 12 random bytes; each byte's low 5 bits pick a character
-- (256 is a multiple of 32, so every character is equally likely). The bytes
-- come from gen_random_uuid() (core PostgreSQL), skipping its fixed version and
-- variant bits.
create function koe_private.new_resume_code() returns text
language sql volatile
set search_path = ''
as $$
  select string_agg(
    substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (get_byte(b, i) % 32) + 1, 1), '' order by i)
  from (select uuid_send(gen_random_uuid()) as b) u,
       unnest(array[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) as i
$$;

-- Is the survey taking answers today? Drafts of other surveys are neither saved nor loaded.
create function koe_private.survey_accepting(p_survey_id uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.surveys s
    where s.id = p_survey_id and s.status = 'open'
      and (s.opens_at is null or s.opens_at <= now())
      and (s.closes_at is null or s.closes_at > now())
  )
$$;

-- Saves the answers so far under p_code, or under a new code when p_code is
-- null; returns the code. A code that belongs to another survey is refused.
create function public.draft_save(
  p_code text,
  p_survey_id uuid,
  p_version_id uuid,
  p_answers jsonb,
  p_page integer
) returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text := koe_private.resume_code(p_code);
  v_expires date;
  v_saved boolean := false;
begin
  if p_code is not null and v_code is null then
    raise exception 'not a resume code' using errcode = '22023';
  end if;
  if p_answers is null or jsonb_typeof(p_answers) <> 'object'
     or octet_length(p_answers::text) > 200 * 1024 then
    raise exception 'answers must be an object of at most 200 KB' using errcode = '22023';
  end if;
  if p_page is null or p_page not between 0 and 999 then
    raise exception 'page out of range' using errcode = '22023';
  end if;
  if not koe_private.survey_accepting(p_survey_id) then
    raise exception 'survey is not open' using errcode = 'P0001', hint = 'survey_closed';
  end if;
  if not exists (
    select 1 from public.survey_versions v
    where v.id = p_version_id and v.survey_id = p_survey_id and v.published_at is not null
  ) then
    raise exception 'not a published version of this survey' using errcode = '22023';
  end if;

  -- Expired drafts go whenever anyone saves (an index range, so cheap).
  delete from koe_private.answer_drafts where expires_on < current_date;

  -- least() skips a null closes_at.
  select least(current_date + 30, s.closes_at::date)
  into v_expires from public.surveys s where s.id = p_survey_id;

  if v_code is not null then
    insert into koe_private.answer_drafts as d
      (code_hash, survey_id, version_id, answers, page, expires_on)
    values (koe_private.resume_code_hash(v_code), p_survey_id, p_version_id, p_answers, p_page, v_expires)
    on conflict (code_hash) do update
      set version_id = excluded.version_id, answers = excluded.answers, page = excluded.page,
          saved_on = current_date, expires_on = excluded.expires_on
      where d.survey_id = excluded.survey_id;
    if not found then
      raise exception 'resume code belongs to another survey' using errcode = '22023';
    end if;
    return v_code;
  end if;

  while not v_saved loop
    v_code := koe_private.new_resume_code();
    insert into koe_private.answer_drafts
      (code_hash, survey_id, version_id, answers, page, expires_on)
    values (koe_private.resume_code_hash(v_code), p_survey_id, p_version_id, p_answers, p_page, v_expires)
    on conflict (code_hash) do nothing;
    v_saved := found;
  end loop;
  return v_code;
end
$$;

-- The saved draft of a code for this survey: {code, version_id, answers, page},
-- or null when the code is malformed, unknown, expired or the survey is closed.
create function public.draft_load(p_code text, p_survey_id uuid) returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'code', c.code, 'version_id', d.version_id, 'answers', d.answers, 'page', d.page)
  from (select koe_private.resume_code(p_code) as code) c
  join koe_private.answer_drafts d on d.code_hash = koe_private.resume_code_hash(c.code)
  where d.survey_id = p_survey_id
    and d.expires_on >= current_date
    and koe_private.survey_accepting(p_survey_id)
$$;

-- Forgets a code's draft (after its session submitted). True when there was one.
create function public.draft_discard(p_code text) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from koe_private.answer_drafts
  where code_hash = koe_private.resume_code_hash(koe_private.resume_code(p_code));
  return found;
end
$$;

revoke all on function koe_private.resume_code(text) from public;
revoke all on function koe_private.resume_code_hash(text) from public;
revoke all on function koe_private.new_resume_code() from public;
revoke all on function koe_private.survey_accepting(uuid) from public;
revoke all on function public.draft_save(text, uuid, uuid, jsonb, integer) from public;
revoke all on function public.draft_load(text, uuid) from public;
revoke all on function public.draft_discard(text) from public;
grant execute on function public.draft_save(text, uuid, uuid, jsonb, integer) to anon, authenticated;
grant execute on function public.draft_load(text, uuid) to anon, authenticated;
grant execute on function public.draft_discard(text) to anon, authenticated;
