-- The audit log: who changed which questionnaire, stratum, membership, invitation
-- or setting, with the values before and after. Append-only, enforced here.

create table public.audit_log (
  id bigint generated always as identity primary key,
  org_id uuid references public.organizations (id) on delete cascade,
  actor uuid,
  actor_email text,
  action text not null check (action in ('insert', 'update', 'delete')),
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
create index audit_log_org_at_idx on public.audit_log (org_id, at desc);

alter table public.audit_log enable row level security;
create policy audit_log_admin_read on public.audit_log
  for select to authenticated using ((select public.is_member(org_id, '{admin}')));
grant select on public.audit_log to authenticated;

create function koe_private.refuse_audit_change() returns trigger
language plpgsql as $$
begin
  -- An organisation's deletion takes its log with it (on delete cascade); nothing
  -- else may rewrite history, not even the owner.
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations where id = old.org_id) then
    return old;
  end if;
  raise exception 'the audit log is append-only' using errcode = '42501';
end
$$;
create trigger audit_log_append_only
  before update or delete on public.audit_log
  for each row execute function koe_private.refuse_audit_change();
create trigger audit_log_no_truncate
  before truncate on public.audit_log
  for each statement execute function koe_private.refuse_audit_change();

-- One trigger function for every audited table. Secrets never enter the log.
create function koe_private.audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'token_hash' end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'token_hash' end;
  v_row jsonb := coalesce(v_new, v_old);
  v_org uuid;
begin
  v_org := case tg_table_name
    when 'organizations' then (v_row ->> 'id')::uuid
    when 'survey_versions' then public.survey_org((v_row ->> 'survey_id')::uuid)
    else (v_row ->> 'org_id')::uuid
  end;
  if tg_op = 'UPDATE' and v_old = v_new then
    return null;
  end if;
  -- Deleting a whole organisation does not log each cascaded row.
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations where id = v_org) then
    return null;
  end if;
  insert into public.audit_log (org_id, actor, actor_email, action, entity, entity_id, before, after)
  values (v_org, auth.uid(), auth.email(), lower(tg_op), tg_table_name,
          coalesce(v_row ->> 'id', concat_ws(':', v_row ->> 'org_id', v_row ->> 'user_id', v_row ->> 'code')),
          v_old, v_new);
  return null;
end
$$;

create trigger audit_organizations after insert or update or delete on public.organizations
  for each row execute function koe_private.audit();
create trigger audit_memberships after insert or update or delete on public.memberships
  for each row execute function koe_private.audit();
create trigger audit_invitations after insert or update or delete on public.invitations
  for each row execute function koe_private.audit();
create trigger audit_districts after insert or update or delete on public.districts
  for each row execute function koe_private.audit();
create trigger audit_age_groups after insert or update or delete on public.age_groups
  for each row execute function koe_private.audit();
create trigger audit_surveys after insert or update or delete on public.surveys
  for each row execute function koe_private.audit();
create trigger audit_survey_versions after insert or update or delete on public.survey_versions
  for each row execute function koe_private.audit();
