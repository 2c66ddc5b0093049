-- Submitting a response: one transaction, idempotent, checked against the
-- published definition, rollups bumped, open dashboards notified.

-- Whether an answer value counts as answered (blank text, [] and {} do not).
create function koe_private.is_answered(v jsonb)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case jsonb_typeof(v)
    when 'string' then btrim(v #>> '{}') <> ''
    when 'array' then jsonb_array_length(v) > 0
    when 'object' then exists (
      select 1 from jsonb_each(v) r
      where jsonb_typeof(r.value) = 'object' and r.value <> '{}'::jsonb)
    else false
  end
$$;

-- The branching rules of the questionnaire schema (src/lib/domain/branching.ts),
-- evaluated in SQL so that no caller can answer a hidden question.
create function koe_private.condition_holds(c jsonb, answers jsonb)
returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  v jsonb;
begin
  if c is null or c = 'null'::jsonb then
    return true;
  elsif c ? 'all' then
    return coalesce((select bool_and(koe_private.condition_holds(x, answers))
                     from jsonb_array_elements(c -> 'all') x), true);
  elsif c ? 'any' then
    return coalesce((select bool_or(koe_private.condition_holds(x, answers))
                     from jsonb_array_elements(c -> 'any') x), false);
  end if;
  v := answers -> (c ->> 'question');
  if c ? 'equals' then
    return jsonb_typeof(v) = 'string' and v #>> '{}' = c ->> 'equals';
  elsif c ? 'includes' then
    return jsonb_typeof(v) = 'array' and v ? (c ->> 'includes');
  elsif c ? 'answered' then
    return koe_private.is_answered(v) = (c ->> 'answered')::boolean;
  end if;
  raise exception 'unknown condition %', c using errcode = '22023';
end
$$;

-- Turns an answers object into answer rows for one version's definition.
-- Raises 22023 (invalid_parameter_value) for anything the definition does not
-- allow: unknown questions or options, answers to hidden questions, missing
-- required answers, too many or too few choices, text that is too long.
create function koe_private.answer_rows(p_definition jsonb, p_answers jsonb)
returns table (question_key text, item text, choice text, number numeric, text_value text)
language plpgsql stable
set search_path = ''
as $$
declare
  s jsonb;
  q jsonb;
  v jsonb;
  k text;
  r record;
  d record;
  n integer;
  section_shown boolean;
  known text[] := '{}';
  -- answers to questions shown so far: what later conditions may read
  kept jsonb := '{}';
begin
  if jsonb_typeof(p_answers) is distinct from 'object' then
    raise exception 'answers must be an object' using errcode = '22023';
  end if;
  for s in select j from jsonb_array_elements(p_definition -> 'sections') j loop
    section_shown := koe_private.condition_holds(s -> 'showIf', kept);
    for q in select j from jsonb_array_elements(s -> 'questions') j loop
      k := q ->> 'key';
      known := known || k;
      v := p_answers -> k;
      if not (section_shown and koe_private.condition_holds(q -> 'showIf', kept)) then
        if koe_private.is_answered(v) then
          raise exception 'question %: not shown, so it cannot be answered', k using errcode = '22023';
        end if;
        continue;
      end if;
      if not koe_private.is_answered(v) then
        if coalesce((q ->> 'required')::boolean, false) then
          raise exception 'question %: an answer is required', k using errcode = '22023';
        end if;
        continue;
      end if;
      kept := kept || jsonb_build_object(k, v);
      case q ->> 'type'
        when 'single' then
          if jsonb_typeof(v) <> 'string' or not exists (
            select 1 from jsonb_array_elements(q -> 'options') o where o ->> 'key' = v #>> '{}') then
            raise exception 'question %: not an option', k using errcode = '22023';
          end if;
          question_key := k; item := ''; choice := v #>> '{}'; number := null; text_value := null;
          return next;
        when 'multi' then
          if jsonb_typeof(v) <> 'array' then
            raise exception 'question %: expected a list', k using errcode = '22023';
          end if;
          n := (select count(distinct e) from jsonb_array_elements(v) e);
          if n > coalesce((q ->> 'max')::integer, n)
             or n < greatest(coalesce((q ->> 'min')::integer, 0), 1) then
            raise exception 'question %: too many or too few choices', k using errcode = '22023';
          end if;
          for r in select distinct e #>> '{}' as c from jsonb_array_elements(v) e loop
            if not exists (select 1 from jsonb_array_elements(q -> 'options') o where o ->> 'key' = r.c) then
              raise exception 'question %: not an option', k using errcode = '22023';
            end if;
            question_key := k; item := ''; choice := r.c; number := null; text_value := null;
            return next;
          end loop;
        when 'matrix' then
          if jsonb_typeof(v) <> 'object' then
            raise exception 'question %: expected rows', k using errcode = '22023';
          end if;
          n := 0;
          for r in select key as row_key, value as row_value from jsonb_each(v) loop
            if not exists (select 1 from jsonb_array_elements(q -> 'rows') x where x ->> 'key' = r.row_key)
               or jsonb_typeof(r.row_value) <> 'object' then
              raise exception 'question %: unknown row', k using errcode = '22023';
            end if;
            for d in select key as dim, value #>> '{}' as c from jsonb_each(r.row_value) loop
              if not exists (select 1 from jsonb_array_elements(q -> 'dimensions') x where x ->> 'key' = d.dim)
                 or not exists (select 1 from jsonb_array_elements(q -> 'scale') x where x ->> 'key' = d.c) then
                raise exception 'question %: not on the scale', k using errcode = '22023';
              end if;
              n := n + 1;
              question_key := k; item := r.row_key || '/' || d.dim; choice := d.c;
              number := null; text_value := null;
              return next;
            end loop;
          end loop;
          if coalesce((q ->> 'required')::boolean, false)
             and n < jsonb_array_length(q -> 'rows') * jsonb_array_length(q -> 'dimensions') then
            raise exception 'question %: every row is required', k using errcode = '22023';
          end if;
        when 'text' then
          if jsonb_typeof(v) <> 'string'
             or char_length(v #>> '{}') > coalesce((q ->> 'maxLength')::integer, 1000) then
            raise exception 'question %: text too long or not text', k using errcode = '22023';
          end if;
          question_key := k; item := ''; choice := null; number := null; text_value := v #>> '{}';
          return next;
        else
          raise exception 'question %: type % takes no answer', k, q ->> 'type' using errcode = '22023';
      end case;
    end loop;
  end loop;
  if exists (select 1 from jsonb_object_keys(p_answers) a where a <> all (known)) then
    raise exception 'answers name an unknown question' using errcode = '22023';
  end if;
end
$$;

create function koe_private.record_response(
  p_response_id uuid, p_survey_id uuid, p_version_id uuid, p_definition jsonb,
  p_answers jsonb, p_language text, p_source text, p_is_demo boolean
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_district text := coalesce(p_answers ->> (p_definition #>> '{strata,district}'), '');
  v_age_group text := coalesce(p_answers ->> (p_definition #>> '{strata,ageGroup}'), '');
  v_shard smallint := floor(random() * 8)::smallint;
begin
  insert into public.responses (id, survey_id, version_id, district, age_group, source, language, is_demo)
  values (p_response_id, p_survey_id, p_version_id, v_district, v_age_group, p_source,
          left(coalesce(p_language, 'ja'), 10), p_is_demo);

  insert into public.answers (response_id, survey_id, question_key, item, choice, number, text_value)
  select p_response_id, p_survey_id, a.question_key, a.item, a.choice, a.number, a.text_value
  from koe_private.answer_rows(p_definition, p_answers) a;

  -- One row per chosen option, plus choice '' counting who answered the item at
  -- all (the base for percentages of multiple choice and for 無回答).
  -- Fixed lock order (sorted keys) keeps concurrent upserts free of deadlocks.
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

  insert into public.rollup_responses as rr (survey_id, district, age_group, shard, n)
  values (p_survey_id, v_district, v_age_group, v_shard, 1)
  on conflict (survey_id, district, age_group, shard) do update set n = rr.n + 1;

  perform pg_notify('koe_responses', p_survey_id::text);
end
$$;

-- The one way a resident's answers enter the database.
create function public.submit_response(
  p_survey_id uuid,
  p_version_id uuid,
  p_idempotency_key uuid,
  p_answers jsonb,
  p_language text default 'ja'
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
begin
  if p_idempotency_key is null then
    raise exception 'an idempotency key is required' using errcode = '22023';
  end if;

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

  perform koe_private.record_response(v_response_id, p_survey_id, p_version_id,
    v_version.definition, p_answers, p_language, 'web', false);

  return jsonb_build_object('response_id', v_response_id, 'duplicate', false);
end
$$;

revoke all on function public.submit_response(uuid, uuid, uuid, jsonb, text) from public;
grant execute on function public.submit_response(uuid, uuid, uuid, jsonb, text) to anon, authenticated;
