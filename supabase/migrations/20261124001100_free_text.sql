-- Free-text answers, for the roles that may read raw responses (row-level security
-- on public.answers decides: admins, and analysts granted raw_data).
create function public.results_texts(
  p_survey_id uuid, p_question_key text, p_search text, p_limit integer
) returns table (text_value text, district text, age_group text, submitted_on date)
language sql stable security invoker
set search_path = ''
as $$
  select a.text_value, r.district, r.age_group, r.submitted_on
  from public.answers a join public.responses r on r.id = a.response_id
  where a.survey_id = p_survey_id and a.question_key = p_question_key
    and a.item = '' and a.text_value is not null
    and (p_search is null or a.text_value ilike '%' || replace(replace(replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%')
  order by r.submitted_on desc, a.text_value
  limit least(greatest(p_limit, 1), 500)
$$;
revoke all on function public.results_texts(uuid, text, text, integer) from public;
grant execute on function public.results_texts(uuid, text, text, integer) to authenticated;
