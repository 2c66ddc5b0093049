-- Exports and the printable report (issue 5, item 9).
--
-- Counts reach exports through the same functions as the dashboard
-- (results_question_counts, results_crosstab, results_strata), so small-cell
-- suppression applies to them unchanged. Two more reads:

-- What a report's 調査概要 and the suppression footnote need: the survey period
-- and the organisation's k. For the staff who read counts of the survey.
create function public.export_overview(p_survey_id uuid)
returns table (opens_at timestamptz, closes_at timestamptz, min_cell_size integer)
language sql stable security invoker
set search_path = ''
as $$
  select s.opens_at, s.closes_at, o.min_cell_size
  from public.surveys s
  join public.organizations o on o.id = s.org_id
  where s.id = p_survey_id and public.is_member(s.org_id, '{admin,editor,analyst}')
$$;

-- The raw response file: one row per response, its answers as a JSON array of
-- answer rows (the app pivots them into one column per item with the codebook).
-- Raw data is for admins and analysts granted raw_data (public.can_read_raw):
-- anyone else is refused outright, and row-level security on responses and
-- answers would return nothing to them anyway. Rows are numbered in arrival
-- order (by day, then by the random id), never by anything that names a person.
create function public.export_raw_responses(p_survey_id uuid)
returns table (
  response_no bigint, district text, age_group text, source text, language text,
  submitted_on date, answers jsonb
)
language plpgsql stable security invoker
set search_path = ''
as $$
begin
  if not public.can_read_raw(public.survey_org(p_survey_id)) then
    raise exception 'the raw response file needs raw-data rights' using errcode = '42501';
  end if;
  return query
    select row_number() over (order by r.submitted_on, r.id),
      r.district, r.age_group, r.source, r.language, r.submitted_on,
      coalesce((
        select jsonb_agg(jsonb_build_object(
            'question_key', a.question_key, 'item', a.item, 'choice', a.choice,
            'number', a.number, 'text_value', a.text_value)
          order by a.question_key, a.item, a.choice)
        from public.answers a
        where a.response_id = r.id), '[]'::jsonb)
    from public.responses r
    where r.survey_id = p_survey_id
    order by r.submitted_on, r.id;
end
$$;

revoke all on function public.export_overview(uuid), public.export_raw_responses(uuid)
  from public, anon, authenticated;
grant execute on function public.export_overview(uuid), public.export_raw_responses(uuid)
  to authenticated;
