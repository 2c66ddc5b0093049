-- The organisation's settings an admin may change: today the smallest count that
-- results show to people without raw-data rights (k of small-cell suppression).
-- Row-level security (organizations_update: admins) decides; the audit trigger
-- on organizations records the change.

create function public.organization_settings(p_org_id uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select jsonb_build_object('name', o.name, 'minCellSize', o.min_cell_size)
  from public.organizations o
  where o.id = p_org_id and public.is_member(o.id, '{admin}')
$$;

-- True when changed; false when the caller may not (or the organisation is unknown).
-- Outside 3–10 the table's check constraint refuses it (23514).
create function public.organization_set_min_cell_size(p_org_id uuid, p_min_cell_size integer)
returns boolean
language sql volatile security invoker
set search_path = ''
as $$
  with changed as (
    update public.organizations set min_cell_size = p_min_cell_size
    where id = p_org_id returning 1
  )
  select exists (select 1 from changed)
$$;

revoke all on function public.organization_settings(uuid),
  public.organization_set_min_cell_size(uuid, integer) from public, anon, authenticated;
grant execute on function public.organization_settings(uuid),
  public.organization_set_min_cell_size(uuid, integer) to authenticated;
