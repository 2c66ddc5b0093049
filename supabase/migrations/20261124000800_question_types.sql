-- The question types of issue 4: rating scales, numbers, dates, rankings,
-- information blocks, 「その他（具体的に）」 and exclusive options (「特にない」).
-- Replaces the functions of 20261124000300_submit.sql that read answers;
-- record_response and submit_response call them and are unchanged.
--
-- The rules are those of src/lib/domain/answers.ts: what one accepts, the other
-- accepts. How each answer is stored in public.answers (item, then the column):
--
--   single, rating   item '', choice = the option key / the point as text ('0' … '10')
--   multi            item '', choice = each chosen option
--   「その他」        the choice row 'other' as above, plus item 'other', text_value = the text
--   matrix           item 'row/dimension', choice = the scale key
--   ranking          item '1', '2' … (the rank), choice = the option ranked there
--   number           item '', number
--   date             item '', text_value = 'YYYY-MM-DD': sorts as text, casts to date,
--                    groups by month with left(text_value, 7)
--   text             item '', text_value
--   info             no row; an answer to it is refused
--
-- Rollups (record_response) count the rows that have a choice, per item, plus
-- choice '' per answered item: ratings and rankings are tabulated like choices.

-- What counts as blank: the characters src/lib/domain/branching.ts trims.
create or replace function koe_private.blank_trimmed(s text)
returns text
language sql immutable
set search_path = ''
as $$
  select btrim(s, E' \t\n\r\f' || chr(11) || chr(160) || chr(12288))
$$;

-- Whether an answer value counts as answered: not blank text, [] or {}; a
-- 「その他」 answer `{choice, other}` by its choice.
create or replace function koe_private.is_answered(v jsonb)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case jsonb_typeof(v)
    when 'string' then koe_private.blank_trimmed(v #>> '{}') <> ''
    when 'number' then true
    when 'array' then jsonb_array_length(v) > 0
    when 'object' then
      case when jsonb_typeof(v -> 'choice') in ('string', 'array')
        then koe_private.is_answered(v -> 'choice')
        else exists (
          select 1 from jsonb_each(v) r
          where jsonb_typeof(r.value) = 'object' and r.value <> '{}'::jsonb)
      end
    else false
  end
$$;

-- A number answer or a rating point as a number, else null.
create or replace function koe_private.numeric_value(v jsonb)
returns numeric
language sql immutable
set search_path = ''
as $$
  select case
    when jsonb_typeof(v) = 'number' then (v #>> '{}')::numeric
    when jsonb_typeof(v) = 'string' and v #>> '{}' ~ '^-?[0-9]+(\.[0-9]+)?$'
      then (v #>> '{}')::numeric
  end
$$;

-- A real calendar date written YYYY-MM-DD.
create or replace function koe_private.is_iso_date(s text)
returns boolean
language plpgsql immutable
set search_path = ''
as $$
begin
  if s is null or s !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return false;
  end if;
  return to_char(s::date, 'YYYY-MM-DD') = s;
exception when datetime_field_overflow or invalid_datetime_format then
  return false;
end
$$;

-- The branching rules of the questionnaire schema (src/lib/domain/branching.ts),
-- evaluated in SQL so that no caller can answer a hidden question.
create or replace function koe_private.condition_holds(c jsonb, answers jsonb)
returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  v jsonb;
  chosen jsonb;
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
  chosen := case when jsonb_typeof(v -> 'choice') in ('string', 'array') then v -> 'choice' else v end;
  -- coalesce: a question not answered is SQL null here, and a null would read as
  -- "shown" (and be ignored inside all/any) instead of false.
  if c ? 'equals' then
    return coalesce(jsonb_typeof(chosen) = 'string' and chosen #>> '{}' = c ->> 'equals', false);
  elsif c ? 'includes' then
    return coalesce(jsonb_typeof(chosen) = 'array' and chosen ? (c ->> 'includes'), false);
  elsif c ? 'gte' then
    return coalesce(koe_private.numeric_value(v) >= (c ->> 'gte')::numeric, false);
  elsif c ? 'lte' then
    return coalesce(koe_private.numeric_value(v) <= (c ->> 'lte')::numeric, false);
  elsif c ? 'answered' then
    return koe_private.is_answered(v) = (c ->> 'answered')::boolean;
  end if;
  raise exception 'unknown condition %', c using errcode = '22023';
end
$$;

-- The rows of a single- or multiple-choice answer: a key, a list of keys, or
-- either of them as `{choice, other}` with 「その他」's text.
create or replace function koe_private.choice_rows(q jsonb, v jsonb)
returns table (item text, choice text, text_value text)
language plpgsql immutable
set search_path = ''
as $$
declare
  k text := q ->> 'key';
  multi boolean := q ->> 'type' = 'multi';
  has_other boolean := coalesce((q ->> 'other')::boolean, false);
  chosen jsonb := v;
  other text;
  n integer;
  alone_exclusive boolean;
begin
  if jsonb_typeof(v) = 'object' then
    if (select count(*) from jsonb_object_keys(v)) <> 2
       or jsonb_typeof(v -> 'other') is distinct from 'string' then
      raise exception 'question %: malformed answer', k using errcode = '22023';
    end if;
    chosen := v -> 'choice';
    other := v ->> 'other';
  end if;
  if not multi and jsonb_typeof(chosen) = 'string' then
    chosen := jsonb_build_array(chosen);
  elsif not multi or jsonb_typeof(chosen) is distinct from 'array' then
    raise exception 'question %: expected %', k, case when multi then 'a list' else 'one choice' end
      using errcode = '22023';
  end if;
  if exists (
       select 1 from jsonb_array_elements(chosen) e
       where jsonb_typeof(e) <> 'string'
          or not ((has_other and e #>> '{}' = 'other')
                  or exists (select 1 from jsonb_array_elements(q -> 'options') o
                             where o ->> 'key' = e #>> '{}')))
     or (select count(*) <> count(distinct e) from jsonb_array_elements(chosen) e) then
    raise exception 'question %: not an option', k using errcode = '22023';
  end if;
  n := jsonb_array_length(chosen);
  if multi then
    alone_exclusive := exists (
      select 1 from jsonb_array_elements(q -> 'options') o
      where coalesce((o ->> 'exclusive')::boolean, false) and chosen ? (o ->> 'key'));
    if alone_exclusive and n > 1 then
      raise exception 'question %: an exclusive option goes alone', k using errcode = '22023';
    end if;
    if n > coalesce((q ->> 'max')::integer, n)
       or (n < coalesce((q ->> 'min')::integer, 0) and not alone_exclusive) then
      raise exception 'question %: too many or too few choices', k using errcode = '22023';
    end if;
  end if;
  if other is not null and not (has_other and chosen ? 'other') then
    raise exception 'question %: text for an "other" not chosen', k using errcode = '22023';
  elsif has_other and chosen ? 'other' and koe_private.blank_trimmed(coalesce(other, '')) = '' then
    raise exception 'question %: "other" needs its text', k using errcode = '22023';
  elsif char_length(other) > 200 then
    raise exception 'question %: "other" text too long', k using errcode = '22023';
  end if;
  return query select '', e #>> '{}', null::text from jsonb_array_elements(chosen) e;
  if other is not null then
    return query select 'other', null::text, other;
  end if;
end
$$;

-- Turns an answers object into answer rows for one version's definition.
-- Raises 22023 (invalid_parameter_value) for anything the definition does not
-- allow: unknown questions or options, answers to hidden questions or to
-- information blocks, missing required answers, choices, numbers, dates or
-- texts outside their limits, incomplete or repeated ranks.
create or replace function koe_private.answer_rows(p_definition jsonb, p_answers jsonb)
returns table (question_key text, item text, choice text, number numeric, text_value text)
language plpgsql stable
set search_path = ''
as $$
declare
  s jsonb;
  q jsonb;
  v jsonb;
  k text;
  t text;
  r record;
  d record;
  n integer;
  num numeric;
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
      t := q ->> 'type';
      known := known || k;
      v := p_answers -> k;
      if not (section_shown and koe_private.condition_holds(q -> 'showIf', kept)) then
        if koe_private.is_answered(v) then
          raise exception 'question %: not shown, so it cannot be answered', k using errcode = '22023';
        end if;
        continue;
      end if;
      if not koe_private.is_answered(v) then
        if t <> 'info' and coalesce((q ->> 'required')::boolean, false) then
          raise exception 'question %: an answer is required', k using errcode = '22023';
        end if;
        continue;
      end if;
      kept := kept || jsonb_build_object(k, v);
      question_key := k; item := ''; choice := null; number := null; text_value := null;
      case t
        when 'single', 'multi' then
          for r in select * from koe_private.choice_rows(q, v) loop
            item := r.item; choice := r.choice; text_value := r.text_value;
            return next;
          end loop;
        when 'rating' then
          if jsonb_typeof(v) <> 'string' or not exists (
            select 1 from generate_series(coalesce((q ->> 'startAt')::integer, 1),
                                          coalesce((q ->> 'startAt')::integer, 1)
                                            + (q ->> 'points')::integer - 1) p
            where p::text = v #>> '{}') then
            raise exception 'question %: not a point of the scale', k using errcode = '22023';
          end if;
          choice := v #>> '{}';
          return next;
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
            for d in select key as dim, value as cell from jsonb_each(r.row_value) loop
              if jsonb_typeof(d.cell) <> 'string'
                 or not exists (select 1 from jsonb_array_elements(q -> 'dimensions') x where x ->> 'key' = d.dim)
                 or not exists (select 1 from jsonb_array_elements(q -> 'scale') x where x ->> 'key' = d.cell #>> '{}') then
                raise exception 'question %: not on the scale', k using errcode = '22023';
              end if;
              n := n + 1;
              item := r.row_key || '/' || d.dim; choice := d.cell #>> '{}';
              return next;
            end loop;
          end loop;
          if coalesce((q ->> 'required')::boolean, false)
             and n < jsonb_array_length(q -> 'rows') * jsonb_array_length(q -> 'dimensions') then
            raise exception 'question %: every row is required', k using errcode = '22023';
          end if;
        when 'ranking' then
          if jsonb_typeof(v) <> 'array' then
            raise exception 'question %: expected a list of ranks', k using errcode = '22023';
          end if;
          if jsonb_array_length(v) <> (q ->> 'top')::integer
             or exists (
               select 1 from jsonb_array_elements(v) e
               where jsonb_typeof(e) <> 'string'
                  or not exists (select 1 from jsonb_array_elements(q -> 'options') o
                                 where o ->> 'key' = e #>> '{}'))
             or (select count(*) <> count(distinct e) from jsonb_array_elements(v) e) then
            raise exception 'question %: rank each of the top % once', k, q ->> 'top'
              using errcode = '22023';
          end if;
          for r in select e #>> '{}' as c, i from jsonb_array_elements(v) with ordinality as a(e, i) loop
            item := r.i::text; choice := r.c;
            return next;
          end loop;
        when 'number' then
          if jsonb_typeof(v) <> 'number' then
            raise exception 'question %: not a number', k using errcode = '22023';
          end if;
          num := (v #>> '{}')::numeric;
          if (coalesce((q ->> 'integer')::boolean, false) and num <> trunc(num))
             or num < (q ->> 'min')::numeric or num > (q ->> 'max')::numeric then
            raise exception 'question %: number out of range', k using errcode = '22023';
          end if;
          number := num;
          return next;
        when 'date' then
          if jsonb_typeof(v) <> 'string' or not koe_private.is_iso_date(v #>> '{}') then
            raise exception 'question %: not a date', k using errcode = '22023';
          end if;
          if (v #>> '{}')::date < (q ->> 'min')::date or (v #>> '{}')::date > (q ->> 'max')::date then
            raise exception 'question %: date out of range', k using errcode = '22023';
          end if;
          text_value := v #>> '{}';
          return next;
        when 'text' then
          if jsonb_typeof(v) <> 'string'
             or char_length(v #>> '{}') > coalesce((q ->> 'maxLength')::integer, 1000) then
            raise exception 'question %: text too long or not text', k using errcode = '22023';
          end if;
          text_value := v #>> '{}';
          return next;
        else
          raise exception 'question %: type % takes no answer', k, t using errcode = '22023';
      end case;
    end loop;
  end loop;
  if exists (select 1 from jsonb_object_keys(p_answers) a where a <> all (known)) then
    raise exception 'answers name an unknown question' using errcode = '22023';
  end if;
end
$$;
