-- Public comment (パブリックコメント, issue 9): a draft plan published in sections
-- for a comment period, residents' comments from the web and staff-keyed ones
-- from paper, fax or email, the city's view on each, the public table of
-- opinions and views (意見の概要と市の考え方), and a plan's public timeline.
--
-- Personal details (name, address) live only in consultation_comments, read by
-- editors and admins; nothing public selects them and the audit log gets the
-- comment's number, never its text or its sender. Web clients are rate-limited
-- by a salted hash of their address, kept for a day; the address itself is not
-- stored.

create table public.consultations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
  title text not null check (char_length(title) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 4000),
  pdf_url text check (pdf_url ~ '^https?://' and char_length(pdf_url) <= 500),
  -- the period, in Japanese dates, both days included
  opens_on date not null,
  closes_on date not null,
  -- what each commenter must give: the municipality's own rules
  ask_name text not null default 'optional' check (ask_name in ('none', 'optional', 'required')),
  ask_address text not null default 'optional'
    check (ask_address in ('none', 'optional', 'required')),
  published boolean not null default false,
  results_published boolean not null default false,
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on)
);
create index consultations_org_idx on public.consultations (org_id);

create table public.consultation_sections (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id) on delete cascade,
  position integer not null check (position between 1 and 200),
  heading text not null check (char_length(heading) between 1 and 200),
  body text not null default '' check (char_length(body) <= 50000),
  unique (consultation_id, position)
);

-- Similar comments answered together: one summary, one view, one revision.
create table public.consultation_groups (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id) on delete cascade,
  section_id uuid references public.consultation_sections (id) on delete set null,
  summary text not null check (char_length(summary) between 1 and 4000),
  response text not null default '' check (char_length(response) <= 4000),
  revised boolean,
  revision_note text not null default '' check (char_length(revision_note) <= 4000)
);

create table public.consultation_comments (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id) on delete cascade,
  no integer not null check (no > 0),
  section_id uuid references public.consultation_sections (id) on delete set null,
  channel text not null check (channel in ('web', 'paper', 'fax', 'email', 'counter')),
  body text not null check (char_length(body) between 1 and 8000),
  name text check (char_length(name) <= 100),
  address text check (char_length(address) <= 300),
  consent boolean not null,
  received_on date not null,
  kind text check (kind in ('revision', 'addition', 'question', 'support', 'other')),
  group_id uuid references public.consultation_groups (id) on delete set null,
  summary text not null default '' check (char_length(summary) <= 4000),
  response text not null default '' check (char_length(response) <= 4000),
  revised boolean,
  revision_note text not null default '' check (char_length(revision_note) <= 4000),
  unique (consultation_id, no)
);

create table public.plans (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
  title text not null check (char_length(title) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 4000)
);

create table public.plan_milestones (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.plans (id) on delete cascade,
  position integer not null check (position between 1 and 100),
  kind text not null check (kind in ('survey', 'council', 'public_comment', 'adoption', 'other')),
  title text not null check (char_length(title) between 1 and 200),
  starts_on date,
  ends_on date,
  status text not null default 'planned' check (status in ('planned', 'ongoing', 'done')),
  survey_id uuid references public.surveys (id) on delete set null,
  consultation_id uuid references public.consultations (id) on delete set null,
  unique (plan_id, position),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

-- Web comments per client: a salted hash of the address and when, kept a day.
create table koe_private.comment_clients (
  client_hash bytea not null,
  at timestamptz not null default now()
);
create index comment_clients_idx on koe_private.comment_clients (client_hash, at);
create table koe_private.comment_salt (
  only_row boolean primary key default true check (only_row),
  salt text not null default gen_random_uuid()::text
);
insert into koe_private.comment_salt default values;
-- A resubmitted form (a double tap, a reload) finds its first comment.
create table koe_private.comment_receipts (
  idempotency_key uuid primary key,
  comment_id uuid not null,
  at timestamptz not null default now()
);

alter table public.consultations enable row level security;
alter table public.consultation_sections enable row level security;
alter table public.consultation_groups enable row level security;
alter table public.consultation_comments enable row level security;
alter table public.plans enable row level security;
alter table public.plan_milestones enable row level security;
revoke all on public.consultations, public.consultation_sections, public.consultation_groups,
  public.consultation_comments, public.plans, public.plan_milestones
  from public, anon, authenticated;

create function public.consultation_org(p_consultation_id uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$ select org_id from public.consultations where id = p_consultation_id $$;
create function public.plan_org(p_plan_id uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$ select org_id from public.plans where id = p_plan_id $$;
revoke all on function public.consultation_org(uuid), public.plan_org(uuid)
  from public, anon, authenticated;
grant execute on function public.consultation_org(uuid), public.plan_org(uuid) to authenticated;

-- Editors and admins read their organisation's rows; every write goes through
-- the functions below, which check the role and write the audit log.
create policy consultations_editors on public.consultations for select to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')));
create policy consultation_sections_editors on public.consultation_sections for select
  to authenticated
  using ((select public.is_member(public.consultation_org(consultation_id), '{admin,editor}')));
create policy consultation_groups_editors on public.consultation_groups for select
  to authenticated
  using ((select public.is_member(public.consultation_org(consultation_id), '{admin,editor}')));
create policy consultation_comments_editors on public.consultation_comments for select
  to authenticated
  using ((select public.is_member(public.consultation_org(consultation_id), '{admin,editor}')));
create policy plans_editors on public.plans for select to authenticated
  using ((select public.is_member(org_id, '{admin,editor}')));
create policy plan_milestones_editors on public.plan_milestones for select to authenticated
  using ((select public.is_member(public.plan_org(plan_id), '{admin,editor}')));
grant select on public.consultations, public.consultation_sections, public.consultation_groups,
  public.consultation_comments, public.plans, public.plan_milestones to authenticated;

-- ---------------------------------------------------------------------------
-- Helpers

create function koe_private.japan_today() returns date
language sql stable
set search_path = ''
as $$ select (now() at time zone 'Asia/Tokyo')::date $$;

-- 'before', 'open' or 'after' the comment period, in Japanese days.
create function koe_private.consultation_phase(p public.consultations) returns text
language sql stable
set search_path = ''
as $$
  select case
    when koe_private.japan_today() < p.opens_on then 'before'
    when koe_private.japan_today() > p.closes_on then 'after'
    else 'open' end
$$;

create function koe_private.require_editor(p_org uuid) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_org is null or not public.is_member(p_org, '{admin,editor}') then
    raise exception 'only editors and admins may do this' using errcode = '42501';
  end if;
end
$$;

-- The next comment number: the consultation's row lock makes numbers take turns.
create function koe_private.next_comment_no(p_consultation_id uuid) returns integer
language plpgsql volatile
set search_path = ''
as $$
begin
  perform 1 from public.consultations where id = p_consultation_id for update;
  return coalesce((select max(no) from public.consultation_comments
                   where consultation_id = p_consultation_id), 0) + 1;
end
$$;

-- The sections of a consultation as JSON, in order.
create function koe_private.consultation_sections_json(p_consultation_id uuid) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'position', s.position,
    'heading', s.heading, 'body', s.body) order by s.position), '[]')
  from public.consultation_sections s where s.consultation_id = p_consultation_id
$$;

revoke all on function koe_private.japan_today(), koe_private.consultation_phase(public.consultations),
  koe_private.require_editor(uuid), koe_private.next_comment_no(uuid),
  koe_private.consultation_sections_json(uuid) from public;

-- ---------------------------------------------------------------------------
-- Editors: the consultation, its draft, its publication

create function public.consultation_save(
  p_id uuid, p_org_id uuid, p_slug text, p_title text, p_summary text, p_pdf_url text,
  p_opens_on date, p_closes_on date, p_ask_name text, p_ask_address text
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := coalesce(public.consultation_org(p_id), p_org_id);
  v_id uuid := p_id;
begin
  perform koe_private.require_editor(v_org);
  if p_id is null then
    insert into public.consultations (org_id, slug, title, summary, pdf_url, opens_on, closes_on,
      ask_name, ask_address)
    values (v_org, p_slug, p_title, coalesce(p_summary, ''), nullif(p_pdf_url, ''), p_opens_on,
      p_closes_on, p_ask_name, p_ask_address)
    returning id into v_id;
  else
    update public.consultations
    set slug = p_slug, title = p_title, summary = coalesce(p_summary, ''),
        pdf_url = nullif(p_pdf_url, ''), opens_on = p_opens_on, closes_on = p_closes_on,
        ask_name = p_ask_name, ask_address = p_ask_address
    where id = p_id;
  end if;
  perform koe_private.audit_event(v_org, case when p_id is null then 'insert' else 'update' end,
    'consultations', v_id::text, jsonb_build_object('slug', p_slug, 'title', p_title,
      'opens_on', p_opens_on, 'closes_on', p_closes_on, 'pdf_url', p_pdf_url,
      'ask_name', p_ask_name, 'ask_address', p_ask_address));
  return v_id;
end
$$;

-- Replaces the draft's sections ([{heading, body}] in order). Refused once
-- comments exist: they point at the sections they were written on.
create function public.consultation_sections_save(p_id uuid, p_sections jsonb) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.consultation_org(p_id);
begin
  perform koe_private.require_editor(v_org);
  if exists (select 1 from public.consultation_comments where consultation_id = p_id) then
    raise exception 'the draft has comments' using errcode = 'P0001', hint = 'has_comments';
  end if;
  delete from public.consultation_sections where consultation_id = p_id;
  insert into public.consultation_sections (consultation_id, position, heading, body)
  select p_id, i, s ->> 'heading', coalesce(s ->> 'body', '')
  from jsonb_array_elements(p_sections) with ordinality x(s, i);
  perform koe_private.audit_event(v_org, 'update', 'consultation_sections', p_id::text,
    jsonb_build_object('sections', jsonb_array_length(p_sections)));
end
$$;

-- Opens the draft (and later the table of opinions and views) to the public.
create function public.consultation_publish(p_id uuid, p_published boolean, p_results boolean)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.consultation_org(p_id);
begin
  perform koe_private.require_editor(v_org);
  update public.consultations
  set published = coalesce(p_published, published), results_published = coalesce(p_results, results_published)
  where id = p_id;
  perform koe_private.audit_event(v_org, 'update', 'consultations', p_id::text,
    jsonb_build_object('published', p_published, 'results_published', p_results));
end
$$;

create function public.consultation_list() returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'slug', c.slug, 'title', c.title,
    'opens_on', c.opens_on, 'closes_on', c.closes_on, 'published', c.published,
    'results_published', c.results_published, 'phase', koe_private.consultation_phase(c),
    'comments', (select count(*) from public.consultation_comments m where m.consultation_id = c.id))
    order by c.opens_on desc, c.slug), '[]')
  from public.consultations c
  where public.is_member(c.org_id, '{admin,editor,data_entry}')
$$;

-- One consultation for its staff: settings, sections, groups, and (for editors)
-- the comments with their senders; data entry sees what keying needs.
create function public.consultation_staff(p_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('id', c.id, 'org_id', c.org_id, 'slug', c.slug, 'title', c.title,
    'summary', c.summary, 'pdf_url', c.pdf_url, 'opens_on', c.opens_on, 'closes_on', c.closes_on,
    'ask_name', c.ask_name, 'ask_address', c.ask_address, 'published', c.published,
    'results_published', c.results_published, 'phase', koe_private.consultation_phase(c),
    'editor', public.is_member(c.org_id, '{admin,editor}'),
    'sections', koe_private.consultation_sections_json(c.id),
    'groups', case when public.is_member(c.org_id, '{admin,editor}') then (
      select coalesce(jsonb_agg(to_jsonb(g) order by g.summary), '[]')
      from public.consultation_groups g where g.consultation_id = c.id) else '[]' end,
    'comments', case when public.is_member(c.org_id, '{admin,editor}') then (
      select coalesce(jsonb_agg(to_jsonb(m) order by m.no), '[]')
      from public.consultation_comments m where m.consultation_id = c.id) else '[]' end)
  from public.consultations c
  where c.id = p_id and public.is_member(c.org_id, '{admin,editor,data_entry}')
$$;

-- ---------------------------------------------------------------------------
-- Comments: residents on the web, staff for paper, fax, email and the counter

create function koe_private.check_comment(
  p public.consultations, p_section_id uuid, p_body text, p_name text, p_address text
) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_section_id is not null and not exists (
    select 1 from public.consultation_sections where id = p_section_id and consultation_id = p.id) then
    raise exception 'no such section' using errcode = '22023', hint = 'section_unknown';
  end if;
  if coalesce(btrim(p_body), '') = '' then
    raise exception 'a comment is required' using errcode = '22023', hint = 'body_required';
  end if;
  if p.ask_name = 'required' and coalesce(btrim(p_name), '') = '' then
    raise exception 'a name is required' using errcode = '22023', hint = 'name_required';
  end if;
  if p.ask_address = 'required' and coalesce(btrim(p_address), '') = '' then
    raise exception 'an address is required' using errcode = '22023', hint = 'address_required';
  end if;
end
$$;
revoke all on function koe_private.check_comment(public.consultations, uuid, text, text, text) from public;

-- A resident's comment. p_client is the client's address (or its /64), used only
-- to limit how often one client may comment and stored only as a salted hash.
create function public.comment_submit(
  p_slug text, p_section_id uuid, p_body text, p_name text, p_address text, p_consent boolean,
  p_client text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_c public.consultations;
  v_hash bytea;
  v_id uuid := gen_random_uuid();
  v_existing uuid;
  v_no integer;
begin
  select * into v_c from public.consultations where slug = p_slug and published;
  if v_c.id is null then
    raise exception 'no such consultation' using errcode = 'P0001', hint = 'not_found';
  end if;
  if koe_private.consultation_phase(v_c) <> 'open' then
    raise exception 'the comment period is over or has not begun' using errcode = 'P0001',
      hint = 'closed';
  end if;
  select comment_id into v_existing from koe_private.comment_receipts
  where idempotency_key = p_idempotency_key;
  if v_existing is not null then
    return jsonb_build_object('no', (select no from public.consultation_comments where id = v_existing),
      'duplicate', true);
  end if;
  perform koe_private.check_comment(v_c, p_section_id, p_body,
    case when v_c.ask_name = 'none' then null else p_name end,
    case when v_c.ask_address = 'none' then null else p_address end);
  if not coalesce(p_consent, false) then
    raise exception 'consent is required' using errcode = '22023', hint = 'consent_required';
  end if;

  v_hash := sha256(convert_to((select salt from koe_private.comment_salt) || ':'
    || coalesce(p_client, ''), 'UTF8'));
  delete from koe_private.comment_clients where at < now() - interval '1 day';
  delete from koe_private.comment_receipts where at < now() - interval '1 day';
  if (select count(*) from koe_private.comment_clients
      where client_hash = v_hash and at > now() - interval '1 hour') >= 10 then
    raise exception 'too many comments from one client' using errcode = 'P0001', hint = 'rate_limited';
  end if;
  insert into koe_private.comment_clients (client_hash) values (v_hash);

  v_no := koe_private.next_comment_no(v_c.id);
  insert into public.consultation_comments (id, consultation_id, no, section_id, channel, body,
    name, address, consent, received_on)
  values (v_id, v_c.id, v_no, p_section_id, 'web', btrim(p_body),
    case when v_c.ask_name = 'none' then null else nullif(btrim(p_name), '') end,
    case when v_c.ask_address = 'none' then null else nullif(btrim(p_address), '') end,
    true, koe_private.japan_today());
  insert into koe_private.comment_receipts (idempotency_key, comment_id) values (p_idempotency_key, v_id)
  on conflict do nothing;
  return jsonb_build_object('no', v_no, 'duplicate', false);
end
$$;

-- A comment received on paper, by fax, by email or at the counter, keyed in by
-- staff. Its date is the day it was received: late ones are the city's call.
create function public.comment_enter(
  p_consultation_id uuid, p_section_id uuid, p_channel text, p_body text, p_name text,
  p_address text, p_consent boolean, p_received_on date
) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_c public.consultations;
  v_no integer;
  v_id uuid;
begin
  select * into v_c from public.consultations where id = p_consultation_id;
  if v_c.id is null or not public.is_member(v_c.org_id, '{admin,editor,data_entry}') then
    raise exception 'only staff key in comments' using errcode = '42501';
  end if;
  if p_channel not in ('paper', 'fax', 'email', 'counter') then
    raise exception 'not a channel staff key in' using errcode = '22023', hint = 'channel';
  end if;
  perform koe_private.check_comment(v_c, p_section_id, p_body, p_name, p_address);
  v_no := koe_private.next_comment_no(v_c.id);
  insert into public.consultation_comments (consultation_id, no, section_id, channel, body, name,
    address, consent, received_on)
  values (v_c.id, v_no, p_section_id, p_channel, btrim(p_body), nullif(btrim(p_name), ''),
    nullif(btrim(p_address), ''), coalesce(p_consent, false),
    coalesce(p_received_on, koe_private.japan_today()))
  returning id into v_id;
  perform koe_private.audit_event(v_c.org_id, 'insert', 'consultation_comments', v_id::text,
    jsonb_build_object('consultation_id', v_c.id, 'no', v_no, 'channel', p_channel));
  return jsonb_build_object('id', v_id, 'no', v_no);
end
$$;

-- ---------------------------------------------------------------------------
-- Review: sections, types, groups, the city's view and the revision

create function public.comment_review(
  p_comment_id uuid, p_section_id uuid, p_kind text, p_group_id uuid, p_summary text,
  p_response text, p_revised boolean, p_revision_note text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_m public.consultation_comments;
  v_org uuid;
begin
  select * into v_m from public.consultation_comments where id = p_comment_id;
  v_org := public.consultation_org(v_m.consultation_id);
  perform koe_private.require_editor(v_org);
  if p_group_id is not null and not exists (select 1 from public.consultation_groups
      where id = p_group_id and consultation_id = v_m.consultation_id) then
    raise exception 'no such group' using errcode = '22023', hint = 'group_unknown';
  end if;
  if p_section_id is not null and not exists (select 1 from public.consultation_sections
      where id = p_section_id and consultation_id = v_m.consultation_id) then
    raise exception 'no such section' using errcode = '22023', hint = 'section_unknown';
  end if;
  update public.consultation_comments
  set section_id = p_section_id, kind = nullif(p_kind, ''), group_id = p_group_id,
      summary = coalesce(p_summary, ''), response = coalesce(p_response, ''),
      revised = p_revised, revision_note = coalesce(p_revision_note, '')
  where id = p_comment_id;
  perform koe_private.audit_event(v_org, 'update', 'consultation_comments', p_comment_id::text,
    jsonb_build_object('no', v_m.no, 'section_id', p_section_id, 'kind', p_kind,
      'group_id', p_group_id, 'summary', p_summary, 'response', p_response,
      'revised', p_revised, 'revision_note', p_revision_note));
end
$$;

-- Creates (p_group_id null) or changes a group of similar comments.
create function public.comment_group_save(
  p_consultation_id uuid, p_group_id uuid, p_section_id uuid, p_summary text, p_response text,
  p_revised boolean, p_revision_note text
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.consultation_org(p_consultation_id);
  v_id uuid := p_group_id;
begin
  perform koe_private.require_editor(v_org);
  if p_section_id is not null and not exists (select 1 from public.consultation_sections
      where id = p_section_id and consultation_id = p_consultation_id) then
    raise exception 'no such section' using errcode = '22023', hint = 'section_unknown';
  end if;
  if p_group_id is null then
    insert into public.consultation_groups (consultation_id, section_id, summary, response, revised,
      revision_note)
    values (p_consultation_id, p_section_id, p_summary, coalesce(p_response, ''), p_revised,
      coalesce(p_revision_note, ''))
    returning id into v_id;
  else
    update public.consultation_groups
    set section_id = p_section_id, summary = p_summary, response = coalesce(p_response, ''),
        revised = p_revised, revision_note = coalesce(p_revision_note, '')
    where id = p_group_id and consultation_id = p_consultation_id;
    if not found then
      raise exception 'no such group' using errcode = '22023', hint = 'group_unknown';
    end if;
  end if;
  perform koe_private.audit_event(v_org, case when p_group_id is null then 'insert' else 'update' end,
    'consultation_groups', v_id::text, jsonb_build_object('consultation_id', p_consultation_id,
      'section_id', p_section_id, 'summary', p_summary, 'response', p_response,
      'revised', p_revised, 'revision_note', p_revision_note));
  return v_id;
end
$$;

-- ---------------------------------------------------------------------------
-- What anyone may read

-- A published draft: its text and period, what a comment must give. No comments.
create function public.consultation_public(p_slug text) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('slug', c.slug, 'title', c.title, 'summary', c.summary,
    'pdf_url', c.pdf_url, 'opens_on', c.opens_on, 'closes_on', c.closes_on,
    'ask_name', c.ask_name, 'ask_address', c.ask_address, 'phase', koe_private.consultation_phase(c),
    'results_published', c.results_published, 'organization', o.name,
    'sections', koe_private.consultation_sections_json(c.id))
  from public.consultations c join public.organizations o on o.id = c.org_id
  where c.slug = p_slug and c.published
$$;

-- The table of opinions and views (意見の概要と市の考え方), once published: one
-- row per group and per comment outside a group. Only staff-written summaries
-- and views leave here, of comments whose senders agreed; never who sent them,
-- and never a comment's own text: a comment without a summary is only counted.
create function public.consultation_results(p_slug text) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  with c as (
    select c.*, o.name as organization from public.consultations c
    join public.organizations o on o.id = c.org_id
    where c.slug = p_slug and c.published and c.results_published
  ), shown as (
    select m.* from public.consultation_comments m join c on c.id = m.consultation_id
    where m.consent
  ), rows as (
    select min(m.no) as first, jsonb_agg(m.no order by m.no) as nos, g.section_id, g.summary,
      g.response, g.revised, g.revision_note
    from shown m join public.consultation_groups g on g.id = m.group_id
    group by g.id
    union all
    select m.no, jsonb_build_array(m.no), m.section_id, m.summary, m.response, m.revised,
      m.revision_note
    from shown m where m.group_id is null and m.summary <> ''
  )
  select jsonb_build_object('slug', c.slug, 'title', c.title, 'organization', c.organization,
    'opens_on', c.opens_on, 'closes_on', c.closes_on,
    'comments', (select count(*) from public.consultation_comments m where m.consultation_id = c.id),
    'channels', (select coalesce(jsonb_object_agg(channel, n), '{}') from (
      select m.channel, count(*) as n from public.consultation_comments m
      where m.consultation_id = c.id group by m.channel) x),
    'rows', (select coalesce(jsonb_agg(jsonb_build_object('nos', r.nos,
        'section', s.heading, 'summary', r.summary, 'response', r.response,
        'revised', r.revised, 'revision_note', r.revision_note) order by r.first), '[]')
      from rows r left join public.consultation_sections s on s.id = r.section_id))
  from c
$$;

-- ---------------------------------------------------------------------------
-- The plan's timeline (策定状況)

create function public.plan_save(p_id uuid, p_org_id uuid, p_slug text, p_title text, p_summary text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := coalesce(public.plan_org(p_id), p_org_id);
  v_id uuid := p_id;
begin
  perform koe_private.require_editor(v_org);
  if p_id is null then
    insert into public.plans (org_id, slug, title, summary)
    values (v_org, p_slug, p_title, coalesce(p_summary, '')) returning id into v_id;
  else
    update public.plans set slug = p_slug, title = p_title, summary = coalesce(p_summary, '')
    where id = p_id;
  end if;
  perform koe_private.audit_event(v_org, case when p_id is null then 'insert' else 'update' end,
    'plans', v_id::text, jsonb_build_object('slug', p_slug, 'title', p_title, 'summary', p_summary));
  return v_id;
end
$$;

-- Replaces the plan's milestones ([{kind, title, starts_on, ends_on, status,
-- survey_id, consultation_id}] in order); linked surveys and consultations must
-- be the organisation's own.
create function public.plan_milestones_save(p_plan_id uuid, p_milestones jsonb) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := public.plan_org(p_plan_id);
begin
  perform koe_private.require_editor(v_org);
  if exists (
    select 1 from jsonb_array_elements(p_milestones) m
    where (nullif(m ->> 'survey_id', '') is not null
           and public.survey_org((m ->> 'survey_id')::uuid) is distinct from v_org)
       or (nullif(m ->> 'consultation_id', '') is not null
           and public.consultation_org((m ->> 'consultation_id')::uuid) is distinct from v_org)) then
    raise exception 'a link to another organisation' using errcode = '22023', hint = 'link_unknown';
  end if;
  delete from public.plan_milestones where plan_id = p_plan_id;
  insert into public.plan_milestones (plan_id, position, kind, title, starts_on, ends_on, status,
    survey_id, consultation_id)
  select p_plan_id, i, m ->> 'kind', m ->> 'title', nullif(m ->> 'starts_on', '')::date,
    nullif(m ->> 'ends_on', '')::date, coalesce(m ->> 'status', 'planned'),
    nullif(m ->> 'survey_id', '')::uuid, nullif(m ->> 'consultation_id', '')::uuid
  from jsonb_array_elements(p_milestones) with ordinality x(m, i);
  perform koe_private.audit_event(v_org, 'update', 'plan_milestones', p_plan_id::text,
    jsonb_build_object('milestones', p_milestones));
end
$$;

create function koe_private.plan_json(p public.plans, p_public boolean) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('id', case when p_public then null else p.id end, 'slug', p.slug,
    'title', p.title, 'summary', p.summary,
    'organization', (select name from public.organizations where id = p.org_id),
    'milestones', (select coalesce(jsonb_agg(jsonb_build_object('kind', m.kind, 'title', m.title,
        'starts_on', m.starts_on, 'ends_on', m.ends_on, 'status', m.status,
        'survey_id', case when p_public then null else m.survey_id end,
        'consultation_id', case when p_public then null else m.consultation_id end,
        -- public links only to what is public: published survey results, published drafts
        'survey_slug', (select s.slug from public.surveys s where s.id = m.survey_id
          and (not p_public or s.results_published)),
        'consultation_slug', (select c.slug from public.consultations c where c.id = m.consultation_id
          and (not p_public or c.published)),
        'consultation_results', (select c.results_published from public.consultations c
          where c.id = m.consultation_id)) order by m.position), '[]')
      from public.plan_milestones m where m.plan_id = p.id))
$$;
revoke all on function koe_private.plan_json(public.plans, boolean) from public;

create function public.plan_public(p_slug text) returns jsonb
language sql stable security definer
set search_path = ''
as $$ select koe_private.plan_json(p, true) from public.plans p where p.slug = p_slug $$;

create function public.plan_list() returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(koe_private.plan_json(p, false) order by p.slug), '[]')
  from public.plans p where public.is_member(p.org_id, '{admin,editor}')
$$;

-- ---------------------------------------------------------------------------
-- Who may call what

revoke all on function
  public.consultation_save(uuid, uuid, text, text, text, text, date, date, text, text),
  public.consultation_sections_save(uuid, jsonb),
  public.consultation_publish(uuid, boolean, boolean),
  public.consultation_list(),
  public.consultation_staff(uuid),
  public.comment_submit(text, uuid, text, text, text, boolean, text, uuid),
  public.comment_enter(uuid, uuid, text, text, text, text, boolean, date),
  public.comment_review(uuid, uuid, text, uuid, text, text, boolean, text),
  public.comment_group_save(uuid, uuid, uuid, text, text, boolean, text),
  public.consultation_public(text),
  public.consultation_results(text),
  public.plan_save(uuid, uuid, text, text, text),
  public.plan_milestones_save(uuid, jsonb),
  public.plan_public(text),
  public.plan_list()
  from public, anon, authenticated;
grant execute on function
  public.consultation_save(uuid, uuid, text, text, text, text, date, date, text, text),
  public.consultation_sections_save(uuid, jsonb),
  public.consultation_publish(uuid, boolean, boolean),
  public.consultation_list(),
  public.consultation_staff(uuid),
  public.comment_enter(uuid, uuid, text, text, text, text, boolean, date),
  public.comment_review(uuid, uuid, text, uuid, text, text, boolean, text),
  public.comment_group_save(uuid, uuid, uuid, text, text, boolean, text),
  public.plan_save(uuid, uuid, text, text, text),
  public.plan_milestones_save(uuid, jsonb),
  public.plan_list()
  to authenticated;
grant execute on function
  public.comment_submit(text, uuid, text, text, text, boolean, text, uuid),
  public.consultation_public(text),
  public.consultation_results(text),
  public.plan_public(text)
  to anon, authenticated;
