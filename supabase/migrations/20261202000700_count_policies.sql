-- Row-level security on the rollups called two functions for every row read
-- (can_read_counts(survey_org(survey_id), district)), so a dashboard of a large
-- survey spent most of its time deciding, cell by cell, the same thing. The same
-- rule is now a set computed once per statement (an InitPlan): the surveys whose
-- counts the caller may read in full ('<survey>|*'), and, for analysts limited
-- to some districts, '<survey>|<district>'. Who sees what does not change.

create function public.count_scopes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct s.id::text || '|' || d.district), '{}')
  from public.memberships m
  join public.surveys s on s.org_id = m.org_id
  cross join lateral unnest(
    case when m.role = 'analyst' and m.districts is not null then m.districts else array['*'] end
  ) as d(district)
  where m.user_id = (select auth.uid()) and m.role in ('admin', 'editor', 'analyst')
$$;
revoke all on function public.count_scopes() from public, anon, authenticated;
grant execute on function public.count_scopes() to authenticated;

do $$
declare
  v_table text;
begin
  foreach v_table in array array['rollup_counts', 'rollup_responses', 'rollup_numbers', 'rollup_breakdowns']
  loop
    if to_regclass('public.' || v_table) is null then
      continue;
    end if;
    execute format('drop policy if exists %I on public.%I', v_table || '_read', v_table);
    execute format(
      'create policy %I on public.%I for select to authenticated using (
         (survey_id::text || ''|*'') = any ((select public.count_scopes())::text[])
         or (survey_id::text || ''|'' || district) = any ((select public.count_scopes())::text[]))',
      v_table || '_read', v_table);
  end loop;
end
$$;
