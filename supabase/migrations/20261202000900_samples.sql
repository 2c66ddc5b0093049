-- The mailed sample (issue 6): invitation codes with their stratum, the letters'
-- mailing details until they are deleted, paper questionnaires keyed in by staff,
-- and response rates against the sample.
--
-- Anonymity (DESIGN.md):
--   * a code is stored only as a hash, salted with its survey, together with its
--     stratum (district, age group) and how it was used ('web' or 'paper'): no
--     time, no counter, no response id. Using a code and recording the response
--     happen in one transaction; the response copies the stratum and nothing else;
--   * the plaintext of letter N's code is derived by the app from a secret that
--     is not in the database (src/lib/server/samples/codes.ts), so letters can be
--     printed again, and a copy of the database alone yields no usable code;
--   * mailing details (letter number, name, address) sit in sample_letters, with
--     no code; one action deletes them all after mailing, leaving codes and strata.

alter table public.surveys
  add column requires_code boolean not null default false,
  add column double_entry boolean not null default false,
  add column paper_too_many text not null default 'invalid'
    check (paper_too_many in ('first', 'invalid'));
comment on column public.surveys.requires_code is
  'web answers need an invitation code (the mailed sample); paper answers may come without';
comment on column public.surveys.double_entry is
  'paper questionnaires are keyed in twice, by two people, and compared';
comment on column public.surveys.paper_too_many is
  'a paper answer with more ticks than allowed keeps the first ones or becomes 無回答';

create table public.invitation_codes (
  code_hash bytea primary key check (octet_length(code_hash) = 32),
  survey_id uuid not null references public.surveys (id) on delete cascade,
  district text not null,
  age_group text not null,
  used_via text check (used_via in ('web', 'paper'))
);
create index invitation_codes_survey_idx on public.invitation_codes (survey_id, district, age_group);

create table public.sample_letters (
  survey_id uuid not null references public.surveys (id) on delete cascade,
  letter_no integer not null check (letter_no between 1 and 1000000),
  district text not null,
  age_group text not null,
  name text check (char_length(name) <= 100),
  postal_code text check (char_length(postal_code) <= 10),
  address text check (char_length(address) <= 300),
  primary key (survey_id, letter_no)
);

-- The texts printed on the letters and the reminder postcard, per survey.
create table public.survey_mailings (
  survey_id uuid primary key references public.surveys (id) on delete cascade,
  letter_text text not null default '' check (char_length(letter_text) <= 4000),
  reminder_text text not null default '' check (char_length(reminder_text) <= 2000),
  sender text not null default '' check (char_length(sender) <= 500)
);

-- A paper questionnaire keyed in once, waiting for its second keying (double
-- entry) or for a review of the differences. `sheet` is the hash of the sheet's
-- code or of the number staff wrote on it; the row goes when the response is made.
create table public.paper_entries (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references public.surveys (id) on delete cascade,
  sheet bytea not null check (octet_length(sheet) = 32),
  sheet_label text not null check (char_length(sheet_label) between 1 and 40),
  has_code boolean not null,
  version_id uuid not null references public.survey_versions (id) on delete cascade,
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  fields jsonb not null check (jsonb_typeof(fields) = 'object'),
  entered_by uuid not null,
  -- 1 for the sheet's first keying, 2 for the second (no time: only the order)
  keying smallint not null check (keying between 1 and 2),
  entered_on date not null default current_date,
  unique (survey_id, sheet, entered_by),
  unique (survey_id, sheet, keying)
);

alter table public.invitation_codes enable row level security;
alter table public.sample_letters enable row level security;
alter table public.survey_mailings enable row level security;
alter table public.paper_entries enable row level security;
revoke all on public.invitation_codes, public.sample_letters, public.survey_mailings,
  public.paper_entries from public, anon, authenticated;

-- Staff who may read counts see how many codes each stratum has and how many were
-- used (an analyst limited to some districts: theirs). The hash stays out of reach.
create policy invitation_codes_read on public.invitation_codes
  for select to authenticated using (
    (survey_id::text || '|*') = any ((select public.count_scopes())::text[])
    or (survey_id::text || '|' || district) = any ((select public.count_scopes())::text[]));
grant select (survey_id, district, age_group, used_via) on public.invitation_codes to authenticated;

create policy sample_letters_editors on public.sample_letters
  for all to authenticated
  using ((select public.is_member(public.survey_org(survey_id), '{admin,editor}')))
  with check ((select public.is_member(public.survey_org(survey_id), '{admin,editor}')));
grant select, delete on public.sample_letters to authenticated;

create policy survey_mailings_read on public.survey_mailings
  for select to authenticated
  using ((select public.is_member(public.survey_org(survey_id), '{admin,editor}')));
grant select on public.survey_mailings to authenticated;

create policy paper_entries_keyers on public.paper_entries
  for select to authenticated
  using ((select public.is_member(public.survey_org(survey_id), '{admin,editor,data_entry}')));
grant select on public.paper_entries to authenticated;

-- ---------------------------------------------------------------------------
-- Helpers

create function koe_private.invitation_code_hash(p_survey_id uuid, p_code text) returns bytea
language sql immutable
set search_path = ''
as $$ select sha256(convert_to(p_survey_id::text || ':' || p_code, 'UTF8')) $$;

-- The canonical form of a typed invitation code, or null: 12 symbols of the
-- alphabet 2–9 and A–Z without I, O and U, the last a check symbol (the weighted
-- sum mod 31 of src/lib/domain/invitation-code.ts; both must agree).
create function koe_private.invitation_code(p_code text) returns text
language sql immutable
set search_path = ''
as $$
  with t as (
    select regexp_replace(upper(normalize(coalesce(p_code, ''), NFKC)), '[^0-9A-Z]', '', 'g') as c
  ), v as (
    select t.c, i, strpos('23456789ABCDEFGHJKLMNPQRSTVWXYZ', substr(t.c, i, 1)) - 1 as value
    from t, generate_series(1, 11) i
    where t.c ~ '^[2-9A-HJ-NP-TV-Z]{12}$'
  )
  select min(v.c) from v
  having count(*) = 11
     and substr(min(v.c), 12, 1)
       = substr('23456789ABCDEFGHJKLMNPQRSTVWXYZ', (sum(v.i * v.value) % 31)::integer + 1, 1)
$$;

-- The hash of a paper sheet's identity: its code, or the number staff wrote on it.
create function koe_private.paper_sheet_hash(p_survey_id uuid, p_sheet text) returns bytea
language sql immutable
set search_path = ''
as $$ select sha256(convert_to('paper:' || p_survey_id::text || ':' || p_sheet, 'UTF8')) $$;

-- The definition with nothing required: paper cannot force an answer, and a
-- question left blank on paper is 無回答.
create function koe_private.without_required(p_definition jsonb) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_set(p_definition, '{sections}', coalesce((
    select jsonb_agg(jsonb_set(s, '{questions}', coalesce((
      select jsonb_agg(q - 'required' order by qi)
      from jsonb_array_elements(s -> 'questions') with ordinality x(q, qi)), '[]')) order by si)
    from jsonb_array_elements(p_definition -> 'sections') with ordinality y(s, si)), '[]'))
$$;

-- One entry in the audit log for an action on many rows (an import, a deletion).
create function koe_private.audit_event(
  p_org uuid, p_action text, p_entity text, p_entity_id text, p_after jsonb
) returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.audit_log (org_id, actor, actor_email, action, entity, entity_id, before, after)
  values (p_org, auth.uid(), auth.email(), p_action, p_entity, p_entity_id, null, p_after)
$$;

revoke all on function koe_private.invitation_code_hash(uuid, text), koe_private.invitation_code(text),
  koe_private.paper_sheet_hash(uuid, text), koe_private.without_required(jsonb),
  koe_private.audit_event(uuid, text, text, text, jsonb) from public;

-- ---------------------------------------------------------------------------
-- Recording a response with a stratum given by its code

-- record_response as in 20261202000600_breakdowns.sql, with the stratum given
-- (from an invitation code) or, when null, read from the answers as before.
create function koe_private.record_response(
  p_response_id uuid, p_survey_id uuid, p_version_id uuid, p_definition jsonb,
  p_answers jsonb, p_language text, p_source text, p_is_demo boolean,
  p_district text, p_age_group text
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_district text := coalesce(p_district, p_answers ->> (p_definition #>> '{strata,district}'), '');
  v_age_group text := coalesce(p_age_group, p_answers ->> (p_definition #>> '{strata,ageGroup}'), '');
  v_shard smallint := floor(random() * 8)::smallint;
  v_day date;
begin
  insert into public.responses (id, survey_id, version_id, district, age_group, source, language, is_demo)
  values (p_response_id, p_survey_id, p_version_id, v_district, v_age_group, p_source,
          left(coalesce(p_language, 'ja'), 10), p_is_demo)
  returning submitted_on into v_day;

  insert into public.answers (response_id, survey_id, question_key, item, choice, number, text_value)
  select p_response_id, p_survey_id, a.question_key, a.item, a.choice, a.number, a.text_value
  from koe_private.answer_rows(p_definition, p_answers) a;

  insert into public.rollup_counts as rc
    (survey_id, question_key, item, choice, district, age_group, shard, n)
  select p_survey_id, c.question_key, c.item, c.choice, v_district, v_age_group, v_shard, 1
  from (
    select a.question_key, a.item, a.choice from public.answers a
    where a.response_id = p_response_id and a.choice is not null
    union
    select a.question_key, a.item, '' from public.answers a
    where a.response_id = p_response_id
  ) c
  order by c.question_key, c.item, c.choice
  on conflict (survey_id, question_key, item, choice, district, age_group, shard)
  do update set n = rc.n + 1;

  insert into public.rollup_numbers as rn
    (survey_id, question_key, value, district, age_group, shard, n)
  select p_survey_id, a.question_key, a.number, v_district, v_age_group, v_shard, 1
  from public.answers a
  where a.response_id = p_response_id and a.number is not null
  order by a.question_key, a.number
  on conflict (survey_id, question_key, value, district, age_group, shard)
  do update set n = rn.n + 1;

  insert into public.rollup_breakdowns as rb
    (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
     district, age_group, source, submitted_on, shard, n)
  select p_survey_id, g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice,
    v_district, v_age_group, p_source, v_day, v_shard, 1
  from koe_private.breakdown_groups(p_definition, p_response_id) g
  cross join koe_private.breakdown_targets(p_response_id) c
  order by g.breakdown_key, c.question_key, c.item, c.choice, g.breakdown_choice
  on conflict (survey_id, breakdown_key, question_key, item, choice, breakdown_choice,
               district, age_group, source, submitted_on, shard)
  do update set n = rb.n + 1;

  insert into public.rollup_responses as rr (survey_id, district, age_group, shard, n)
  values (p_survey_id, v_district, v_age_group, v_shard, 1)
  on conflict (survey_id, district, age_group, shard) do update set n = rr.n + 1;

  perform pg_notify('koe_responses', p_survey_id::text);
end
$$;
revoke all on function koe_private.record_response(
  uuid, uuid, uuid, jsonb, jsonb, text, text, boolean, text, text) from public;

-- The older form (the demo seed uses it): the stratum from the answers.
create or replace function koe_private.record_response(
  p_response_id uuid, p_survey_id uuid, p_version_id uuid, p_definition jsonb,
  p_answers jsonb, p_language text, p_source text, p_is_demo boolean
) returns void
language sql
set search_path = ''
as $$
  select koe_private.record_response(p_response_id, p_survey_id, p_version_id, p_definition,
    p_answers, p_language, p_source, p_is_demo, null, null)
$$;

-- Uses a code for this survey ('web' or 'paper') and returns its stratum; raises
-- with hint code_unknown / code_used otherwise. The row lock makes two sessions
-- with one code take turns: the second finds it used.
create function koe_private.use_code(p_survey_id uuid, p_code text, p_via text)
returns public.invitation_codes
language plpgsql
set search_path = ''
as $$
declare
  v_row public.invitation_codes;
begin
  select * into v_row from public.invitation_codes
  where code_hash = koe_private.invitation_code_hash(p_survey_id, koe_private.invitation_code(p_code))
    and survey_id = p_survey_id
  for update;
  if v_row.code_hash is null then
    raise exception 'unknown invitation code' using errcode = 'P0001', hint = 'code_unknown';
  end if;
  if v_row.used_via is not null then
    raise exception 'invitation code already used' using errcode = 'P0001', hint = 'code_used';
  end if;
  update public.invitation_codes set used_via = p_via where code_hash = v_row.code_hash;
  return v_row;
end
$$;
revoke all on function koe_private.use_code(uuid, text, text) from public;

-- ---------------------------------------------------------------------------
-- The resident's web submission, now with an optional invitation code

drop function public.submit_response(uuid, uuid, uuid, jsonb, text);
create function public.submit_response(
  p_survey_id uuid,
  p_version_id uuid,
  p_idempotency_key uuid,
  p_answers jsonb,
  p_language text default 'ja',
  p_code text default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
  v_version public.survey_versions;
  v_response_id uuid := gen_random_uuid();
  v_existing koe_private.submission_receipts;
  v_code public.invitation_codes;
begin
  if p_idempotency_key is null then
    raise exception 'an idempotency key is required' using errcode = '22023';
  end if;

  -- A retry finds its first result before anything else: its code is used by then.
  insert into koe_private.submission_receipts (idempotency_key, survey_id, response_id)
  values (p_idempotency_key, p_survey_id, v_response_id)
  on conflict (idempotency_key) do nothing;
  if not found then
    select * into v_existing from koe_private.submission_receipts
    where idempotency_key = p_idempotency_key;
    if v_existing.survey_id <> p_survey_id then
      raise exception 'idempotency key belongs to another survey' using errcode = '22023';
    end if;
    return jsonb_build_object('response_id', v_existing.response_id, 'duplicate', true);
  end if;

  select * into v_survey from public.surveys where id = p_survey_id;
  if v_survey.id is null or v_survey.status <> 'open'
     or (v_survey.opens_at is not null and now() < v_survey.opens_at)
     or (v_survey.closes_at is not null and now() >= v_survey.closes_at) then
    raise exception 'survey is not open' using errcode = 'P0001', hint = 'survey_closed';
  end if;

  select * into v_version from public.survey_versions
  where id = p_version_id and survey_id = p_survey_id and published_at is not null;
  if v_version.id is null then
    raise exception 'not a published version of this survey' using errcode = '22023';
  end if;

  if p_code is not null then
    v_code := koe_private.use_code(p_survey_id, p_code, 'web');
    -- The draft saved under the code (resuming works with it) ends here, in the
    -- same transaction: nothing keyed by the code outlives the response.
    delete from koe_private.answer_drafts
    where code_hash = koe_private.resume_code_hash(koe_private.invitation_code(p_code));
  elsif v_survey.requires_code then
    raise exception 'an invitation code is required' using errcode = 'P0001', hint = 'code_required';
  end if;

  perform koe_private.record_response(v_response_id, p_survey_id, p_version_id,
    v_version.definition, p_answers, p_language, 'web', false, v_code.district, v_code.age_group);

  return jsonb_build_object('response_id', v_response_id, 'duplicate', false);
end
$$;
revoke all on function public.submit_response(uuid, uuid, uuid, jsonb, text, text) from public, anon, authenticated;
grant execute on function public.submit_response(uuid, uuid, uuid, jsonb, text, text) to anon, authenticated;

-- What a typed or scanned code can do for this survey: 'ok', 'used', 'unknown'
-- (a malformed code is 'unknown'). Says nothing else about the code.
create function public.invitation_code_status(p_survey_id uuid, p_code text)
returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select case when c.used_via is null then 'ok' else 'used' end
    from public.invitation_codes c
    where c.code_hash = koe_private.invitation_code_hash(p_survey_id, koe_private.invitation_code(p_code))
      and c.survey_id = p_survey_id), 'unknown')
$$;
revoke all on function public.invitation_code_status(uuid, text) from public, anon, authenticated;
grant execute on function public.invitation_code_status(uuid, text) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- The sample: import, what it holds, mailing details and their deletion

-- Editors' and admins' survey settings for the mailed sample and paper entry.
-- The surveys trigger logs the flags; the texts get an entry of their own.
create function public.sample_settings_save(
  p_survey_id uuid, p_requires_code boolean, p_double_entry boolean, p_paper_too_many text,
  p_letter_text text, p_reminder_text text, p_sender text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.survey_org(p_survey_id);
  v_texts jsonb := jsonb_build_object('letter_text', coalesce(p_letter_text, ''),
    'reminder_text', coalesce(p_reminder_text, ''), 'sender', coalesce(p_sender, ''));
begin
  if v_org is null or not public.is_member(v_org, '{admin,editor}') then
    raise exception 'only editors and admins change the sample settings' using errcode = '42501';
  end if;
  update public.surveys
  set requires_code = coalesce(p_requires_code, false),
      double_entry = coalesce(p_double_entry, false),
      paper_too_many = coalesce(p_paper_too_many, 'invalid')
  where id = p_survey_id;
  insert into public.survey_mailings as m (survey_id, letter_text, reminder_text, sender)
  values (p_survey_id, v_texts ->> 'letter_text', v_texts ->> 'reminder_text', v_texts ->> 'sender')
  on conflict (survey_id) do update
  set letter_text = excluded.letter_text, reminder_text = excluded.reminder_text,
      sender = excluded.sender
  where (m.letter_text, m.reminder_text, m.sender)
    is distinct from (excluded.letter_text, excluded.reminder_text, excluded.sender);
  if found then
    perform koe_private.audit_event(v_org, 'update', 'survey_mailings', p_survey_id::text, v_texts);
  end if;
end
$$;

-- The sample of a survey at a glance, for its editors.
create function public.sample_summary(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'codes', (select count(*) from public.invitation_codes c where c.survey_id = p_survey_id),
    'used', (select count(*) from public.invitation_codes c
             where c.survey_id = p_survey_id and c.used_via is not null),
    'letters', (select count(*) from public.sample_letters l where l.survey_id = p_survey_id),
    'addressed', (select count(*) from public.sample_letters l
                  where l.survey_id = p_survey_id and (l.name is not null or l.address is not null)),
    'next_letter', (select coalesce(max(l.letter_no), 0) + 1 from public.sample_letters l
                    where l.survey_id = p_survey_id),
    'requires_code', s.requires_code,
    'double_entry', s.double_entry,
    'paper_too_many', s.paper_too_many,
    'letter_text', coalesce(m.letter_text, ''),
    'reminder_text', coalesce(m.reminder_text, ''),
    'sender', coalesce(m.sender, ''),
    -- ages map to age groups when a sample file gives ages
    'age_ranges', coalesce((
      select jsonb_agg(jsonb_build_object('code', a.code, 'min_age', a.min_age, 'max_age', a.max_age)
                       order by a.sort, a.code)
      from public.age_groups a where a.org_id = s.org_id), '[]'))
  from public.surveys s
  left join public.survey_mailings m on m.survey_id = s.id
  where s.id = p_survey_id and public.is_member(s.org_id, '{admin,editor}')
$$;

-- Imports drawn residents (or generated strata) as letters p_first_letter,
-- p_first_letter + 1, …, each with its code (derived by the app from the letter
-- number, so the numbers must continue the survey's sequence: a concurrent
-- import makes this one fail with hint sample_changed). Every row is checked
-- first; any problem and nothing is stored: {ok: false, problems: [{line, problem}]}.
create function public.sample_import(p_survey_id uuid, p_first_letter integer, p_rows jsonb)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.survey_org(p_survey_id);
  v_next integer;
  v_problems jsonb;
  v_count integer;
begin
  if v_org is null or not public.is_member(v_org, '{admin,editor}') then
    raise exception 'only editors and admins import a sample' using errcode = '42501';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0
     or jsonb_array_length(p_rows) > 20000 then
    raise exception 'rows must be a list of 1 to 20,000' using errcode = '22023';
  end if;
  -- One import at a time per survey: the survey row is the lock.
  perform 1 from public.surveys where id = p_survey_id for update;
  select coalesce(max(letter_no), 0) + 1 into v_next
  from public.sample_letters where survey_id = p_survey_id;
  if p_first_letter is distinct from v_next then
    raise exception 'the sample changed meanwhile' using errcode = 'P0001', hint = 'sample_changed';
  end if;

  drop table if exists pg_temp.sample_input;
  create temporary table sample_input on commit drop as
  select (v_next + e.i - 1)::integer as letter_no,
    coalesce(e.r ->> 'line', e.i::text) as line,
    koe_private.invitation_code(e.r ->> 'code') as code,
    nullif(btrim(e.r ->> 'district'), '') as district,
    nullif(btrim(e.r ->> 'age_group'), '') as age_group,
    nullif(btrim(e.r ->> 'name'), '') as name,
    nullif(btrim(e.r ->> 'postal_code'), '') as postal_code,
    nullif(btrim(e.r ->> 'address'), '') as address
  from jsonb_array_elements(p_rows) with ordinality e(r, i);

  select coalesce(jsonb_agg(jsonb_build_object('line', p.line, 'problem', p.problem)
                            order by p.letter_no, p.problem), '[]')
  into v_problems
  from (
    select i.letter_no, i.line, x.problem
    from pg_temp.sample_input i
    cross join lateral unnest(array[
      case when i.code is null then 'bad_code' end,
      case when not exists (select 1 from public.districts d
                            where d.org_id = v_org and d.code = i.district) then 'unknown_district' end,
      case when not exists (select 1 from public.age_groups a
                            where a.org_id = v_org and a.code = i.age_group) then 'unknown_age_group' end,
      case when char_length(i.name) > 100 or char_length(i.postal_code) > 10
             or char_length(i.address) > 300 then 'too_long' end,
      case when exists (select 1 from pg_temp.sample_input o where o.code = i.code and o.letter_no < i.letter_no)
             or exists (select 1 from public.invitation_codes c
                        where c.code_hash = koe_private.invitation_code_hash(p_survey_id, i.code))
           then 'duplicate_code' end
    ]) x(problem)
    where x.problem is not null
  ) p;

  if jsonb_array_length(v_problems) > 0 then
    return jsonb_build_object('ok', false, 'problems', v_problems);
  end if;

  -- Codes go in shuffled, so that not even the physical order of the codes
  -- table follows the letters'.
  insert into public.invitation_codes (code_hash, survey_id, district, age_group)
  select koe_private.invitation_code_hash(p_survey_id, i.code), p_survey_id, i.district, i.age_group
  from pg_temp.sample_input i
  order by random();
  insert into public.sample_letters (survey_id, letter_no, district, age_group, name, postal_code, address)
  select p_survey_id, i.letter_no, i.district, i.age_group, i.name, i.postal_code, i.address
  from pg_temp.sample_input i;
  v_count := jsonb_array_length(p_rows);
  perform koe_private.audit_event(v_org, 'insert', 'sample', p_survey_id::text,
    jsonb_build_object('letters', v_count, 'first', v_next, 'last', v_next + v_count - 1));
  return jsonb_build_object('ok', true, 'imported', v_count, 'first', v_next);
end
$$;

-- Letters from_no … to_no (at most 2,000 at a time) for printing: number,
-- stratum and mailing details. The app adds each code.
create function public.sample_letters_list(p_survey_id uuid, p_from integer, p_to integer)
returns table (letter_no integer, district text, age_group text, name text, postal_code text, address text)
language sql stable security invoker
set search_path = ''
as $$
  select l.letter_no, l.district, l.age_group, l.name, l.postal_code, l.address
  from public.sample_letters l
  where l.survey_id = p_survey_id and l.letter_no between p_from and least(p_to, p_from + 1999)
  order by l.letter_no
$$;

-- After mailing: every letter's name, address and number goes; codes and their
-- strata stay (and with them the response rates). Letters cannot be printed again.
create function public.sample_forget_mailing(p_survey_id uuid)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.survey_org(p_survey_id);
  v_count integer;
begin
  if v_org is null or not public.is_member(v_org, '{admin,editor}') then
    raise exception 'only editors and admins delete mailing details' using errcode = '42501';
  end if;
  delete from public.sample_letters where survey_id = p_survey_id;
  get diagnostics v_count = row_count;
  perform koe_private.audit_event(v_org, 'delete', 'sample_letters', p_survey_id::text,
    jsonb_build_object('letters', v_count));
  return v_count;
end
$$;

-- Response rates against the sample, per district × age group: codes mailed and
-- codes used on the web and on paper. Callers without raw-data rights get the
-- used counts suppressed as everywhere else (null = hidden).
create function public.results_response_rate(p_survey_id uuid)
returns table (district text, age_group text, sampled bigint, responded bigint, web bigint, paper bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_k int;
  v_districts text[];
  v_ages text[];
  v_counts bigint[];
  v_raw boolean := public.can_read_raw(public.survey_org(p_survey_id));
begin
  select o.min_cell_size into v_k
  from public.organizations o where o.id = public.survey_org(p_survey_id);

  select coalesce(array_agg(distinct c.district collate "C" order by c.district collate "C"), '{}'),
    coalesce(array_agg(distinct c.age_group collate "C" order by c.age_group collate "C"), '{}')
  into v_districts, v_ages
  from public.invitation_codes c where c.survey_id = p_survey_id;

  with sums as (
    select c.district, c.age_group, count(*) filter (where c.used_via is not null) as n
    from public.invitation_codes c where c.survey_id = p_survey_id
    group by c.district, c.age_group
  )
  select coalesce(array_agg(coalesce(s.n, 0) order by di, ai), '{}') into v_counts
  from unnest(v_districts) with ordinality dd(d, di)
  cross join unnest(v_ages) with ordinality aa(a, ai)
  left join sums s on s.district = dd.d and s.age_group = aa.a;

  return query
    with counts as (
      select c.district, c.age_group, count(*)::bigint as sampled,
        count(*) filter (where c.used_via is not null)::bigint as responded,
        count(*) filter (where c.used_via = 'web')::bigint as web,
        count(*) filter (where c.used_via = 'paper')::bigint as paper
      from public.invitation_codes c where c.survey_id = p_survey_id
      group by c.district, c.age_group
    ), hidden as (
      select s.district, s.age_group from public.suppressed_cells(v_districts, v_ages, v_counts, v_k) s
      where s.n is null
    )
    select c.district, c.age_group, c.sampled,
      case when h.district is null or v_raw then c.responded end,
      case when h.district is null or v_raw then c.web end,
      case when h.district is null or v_raw then c.paper end
    from counts c
    left join hidden h on h.district = c.district and h.age_group = c.age_group
    order by c.district, c.age_group;
end
$$;

-- ---------------------------------------------------------------------------
-- Paper questionnaires

-- Keys in one paper questionnaire. p_answers are already cleaned by the app
-- (the survey's rules for too many ticks, unreadable → 無回答, answers to hidden
-- questions dropped); here they pass the web's checks except "required".
-- p_sheet: the sheet's invitation code, or the number staff wrote on it.
-- Returns {status}: 'saved' (a response now), 'first' (double entry: waiting for
-- the second keying by someone else), 'mismatch' (the two keyings differ: a
-- review decides). Raises with hint code_unknown / code_used, same_keyer.
create function public.paper_submit(
  p_survey_id uuid, p_version_id uuid, p_idempotency_key uuid, p_answers jsonb,
  p_code text, p_sheet text, p_fields jsonb
) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
  v_version public.survey_versions;
  v_sheet text := coalesce(koe_private.invitation_code(p_code), nullif(btrim(p_sheet), ''));
  v_hash bytea;
  v_first public.paper_entries;
  v_response_id uuid := gen_random_uuid();
begin
  select * into v_survey from public.surveys where id = p_survey_id;
  if v_survey.id is null or not public.is_member(v_survey.org_id, '{admin,editor,data_entry}') then
    raise exception 'only staff key in paper questionnaires' using errcode = '42501';
  end if;
  if p_idempotency_key is null then
    raise exception 'an idempotency key is required' using errcode = '22023';
  end if;
  if p_code is not null and koe_private.invitation_code(p_code) is null then
    raise exception 'not an invitation code' using errcode = 'P0001', hint = 'code_unknown';
  end if;
  select * into v_version from public.survey_versions
  where id = p_version_id and survey_id = p_survey_id and published_at is not null;
  if v_version.id is null then
    raise exception 'not a published version of this survey' using errcode = '22023';
  end if;

  insert into koe_private.submission_receipts (idempotency_key, survey_id, response_id)
  values (p_idempotency_key, p_survey_id, v_response_id)
  on conflict (idempotency_key) do nothing;
  if not found then
    return jsonb_build_object('status', 'duplicate');
  end if;

  if not v_survey.double_entry then
    perform koe_private.paper_record(v_survey, v_version, v_response_id, p_answers, p_code);
    return jsonb_build_object('status', 'saved');
  end if;

  if v_sheet is null or char_length(v_sheet) > 40 then
    raise exception 'double entry needs the sheet''s code or number' using errcode = 'P0001',
      hint = 'sheet_required';
  end if;
  -- Checked at the first keying too, so a clerk hears at once of a used code.
  if p_code is not null and public.invitation_code_status(p_survey_id, p_code) <> 'ok' then
    raise exception 'invitation code cannot be used' using errcode = 'P0001',
      hint = case public.invitation_code_status(p_survey_id, p_code)
        when 'used' then 'code_used' else 'code_unknown' end;
  end if;
  -- Answers must be valid before they wait for the second keying.
  perform count(*) from koe_private.answer_rows(
    koe_private.without_required(v_version.definition), p_answers);

  v_hash := koe_private.paper_sheet_hash(p_survey_id, v_sheet);
  perform 1 from public.surveys where id = p_survey_id for update;
  select * into v_first from public.paper_entries
  where survey_id = p_survey_id and sheet = v_hash and keying = 1;
  if (select count(*) from public.paper_entries where survey_id = p_survey_id and sheet = v_hash) > 1 then
    raise exception 'the sheet is waiting for review' using errcode = 'P0001', hint = 'in_review';
  end if;

  if v_first.id is not null and v_first.entered_by = auth.uid() then
    raise exception 'the second keying must be by someone else' using errcode = 'P0001',
      hint = 'same_keyer';
  end if;

  insert into public.paper_entries
    (survey_id, sheet, sheet_label, has_code, version_id, answers, fields, entered_by, keying)
  values (p_survey_id, v_hash,
    case when p_code is not null then left(v_sheet, 4) || '…' else v_sheet end,
    p_code is not null, p_version_id, p_answers, coalesce(p_fields, '{}'), auth.uid(),
    case when v_first.id is null then 1 else 2 end);

  if v_first.id is null then
    return jsonb_build_object('status', 'first');
  end if;
  if v_first.answers = p_answers and v_first.version_id = p_version_id then
    perform koe_private.paper_record(v_survey, v_version, v_response_id, p_answers, p_code);
    delete from public.paper_entries where survey_id = p_survey_id and sheet = v_hash;
    return jsonb_build_object('status', 'saved');
  end if;
  return jsonb_build_object('status', 'mismatch');
end
$$;

-- The response of a paper sheet: its code used on paper (when it has one), the
-- answers checked without "required", source 'paper'.
create function koe_private.paper_record(
  p_survey public.surveys, p_version public.survey_versions, p_response_id uuid,
  p_answers jsonb, p_code text
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_code public.invitation_codes;
begin
  if p_code is not null then
    v_code := koe_private.use_code(p_survey.id, p_code, 'paper');
  end if;
  perform koe_private.record_response(p_response_id, p_survey.id, p_version.id,
    koe_private.without_required(p_version.definition), p_answers, 'ja', 'paper', false,
    v_code.district, v_code.age_group);
end
$$;
revoke all on function koe_private.paper_record(public.surveys, public.survey_versions, uuid, jsonb, text)
  from public;

-- How paper questionnaires of a survey are keyed in, for the people who key them.
create function public.paper_settings(p_survey_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object('double_entry', s.double_entry, 'too_many', s.paper_too_many,
    'requires_code', s.requires_code)
  from public.surveys s
  where s.id = p_survey_id and public.is_member(s.org_id, '{admin,editor,data_entry}')
$$;

-- Sheets whose two keyings differ, for review: both keyings per sheet.
create function public.paper_mismatches(p_survey_id uuid)
returns table (sheet_label text, entries jsonb)
language sql stable security invoker
set search_path = ''
as $$
  select min(e.sheet_label),
    jsonb_agg(jsonb_build_object('id', e.id, 'answers', e.answers, 'fields', e.fields,
      'version_id', e.version_id, 'mine', e.entered_by = (select auth.uid()))
      order by e.keying)
  from public.paper_entries e
  where e.survey_id = p_survey_id
  group by e.sheet
  having count(*) >= 2
  order by min(e.sheet_label)
$$;

-- The count of sheets keyed once and waiting for their second keying.
create function public.paper_waiting(p_survey_id uuid)
returns bigint
language sql stable security invoker
set search_path = ''
as $$
  select count(*) from (
    select 1 from public.paper_entries e where e.survey_id = p_survey_id
    group by e.sheet having count(*) = 1) w
$$;

-- Settles a mismatch: the reviewed answers become the response (the entry given
-- by p_entry_id names the sheet and its code state) and the keyings go.
create function public.paper_resolve(p_entry_id uuid, p_answers jsonb, p_code text)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_entry public.paper_entries;
  v_survey public.surveys;
  v_version public.survey_versions;
begin
  select * into v_entry from public.paper_entries where id = p_entry_id;
  select * into v_survey from public.surveys where id = v_entry.survey_id;
  if v_entry.id is null or not public.is_member(v_survey.org_id, '{admin,editor,data_entry}') then
    raise exception 'no such entry' using errcode = 'P0001', hint = 'entry_gone';
  end if;
  if v_entry.has_code and (p_code is null
     or koe_private.paper_sheet_hash(v_entry.survey_id, koe_private.invitation_code(p_code)) <> v_entry.sheet) then
    raise exception 'the sheet''s code is needed to settle it' using errcode = 'P0001', hint = 'code_unknown';
  end if;
  select * into v_version from public.survey_versions where id = v_entry.version_id;
  perform koe_private.paper_record(v_survey, v_version, gen_random_uuid(), p_answers,
    case when v_entry.has_code then p_code end);
  delete from public.paper_entries where survey_id = v_entry.survey_id and sheet = v_entry.sheet;
  perform koe_private.audit_event(v_survey.org_id, 'delete', 'paper_entries', v_entry.sheet_label,
    jsonb_build_object('resolved', true));
  return jsonb_build_object('status', 'saved');
end
$$;

revoke all on function public.invitation_code_status(uuid, text),
  public.sample_settings_save(uuid, boolean, boolean, text, text, text, text),
  public.sample_summary(uuid), public.sample_import(uuid, integer, jsonb),
  public.sample_letters_list(uuid, integer, integer), public.sample_forget_mailing(uuid),
  public.results_response_rate(uuid),
  public.paper_submit(uuid, uuid, uuid, jsonb, text, text, jsonb),
  public.paper_mismatches(uuid), public.paper_waiting(uuid),
  public.paper_resolve(uuid, jsonb, text), public.paper_settings(uuid)
  from public, anon, authenticated;
grant execute on function public.invitation_code_status(uuid, text) to anon, authenticated;
grant execute on function
  public.sample_settings_save(uuid, boolean, boolean, text, text, text, text),
  public.sample_summary(uuid), public.sample_import(uuid, integer, jsonb),
  public.sample_letters_list(uuid, integer, integer), public.sample_forget_mailing(uuid),
  public.results_response_rate(uuid),
  public.paper_submit(uuid, uuid, uuid, jsonb, text, text, jsonb),
  public.paper_mismatches(uuid), public.paper_waiting(uuid),
  public.paper_resolve(uuid, jsonb, text), public.paper_settings(uuid)
  to authenticated;

-- ---------------------------------------------------------------------------
-- The published survey now says whether it needs a code

drop function public.survey_published(text, uuid);
create function public.survey_published(p_slug text, p_version_id uuid default null)
returns table (
  id uuid, slug text, title jsonb, status text, organization jsonb,
  "versionId" uuid, definition jsonb, accepting boolean, "requiresCode" boolean
)
language sql stable security invoker
set search_path = ''
as $$
  select s.id, s.slug, s.title, s.status, o.name, v.id, v.definition,
         s.status = 'open' and (s.opens_at is null or s.opens_at <= now())
           and (s.closes_at is null or s.closes_at > now()),
         s.requires_code
  from public.surveys s
  join public.organizations o on o.id = s.org_id
  join public.survey_versions v on v.survey_id = s.id
  where s.slug = p_slug and v.published_at is not null
    and v.id = coalesce(p_version_id, s.published_version_id)
$$;
revoke all on function public.survey_published(text, uuid) from public, anon, authenticated;
grant execute on function public.survey_published(text, uuid) to anon, authenticated;
