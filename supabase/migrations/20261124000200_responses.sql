-- Responses, their answers, and the rollups that dashboards read.
-- Anonymity: a response carries its stratum and the day it arrived, nothing else.

create table public.responses (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references public.surveys (id) on delete cascade,
  version_id uuid not null references public.survey_versions (id),
  district text not null default '',
  age_group text not null default '',
  source text not null default 'web' check (source in ('web', 'paper')),
  language text not null default 'ja',
  submitted_on date not null default current_date,
  is_demo boolean not null default false
);
create index responses_survey_id_idx on public.responses (survey_id);

-- One row per answered item: a choice, a number or a text.
create table public.answers (
  response_id uuid not null references public.responses (id) on delete cascade,
  survey_id uuid not null references public.surveys (id) on delete cascade,
  question_key text not null,
  item text not null default '',
  choice text,
  number numeric,
  text_value text,
  check (num_nonnulls(choice, number, text_value) = 1)
);
create index answers_response_id_idx on public.answers (response_id);
create index answers_survey_question_idx on public.answers (survey_id, question_key);

-- A retried submission finds its first result here. The key is random per form
-- session and never tied to a person or an invitation code.
create table koe_private.submission_receipts (
  idempotency_key uuid primary key,
  survey_id uuid not null references public.surveys (id) on delete cascade,
  response_id uuid not null,
  received_on date not null default current_date
);

-- Counts per stratum, spread over a few shards so that concurrent submissions to
-- the same cell do not queue behind one row. Readers sum over shards.
create table public.rollup_counts (
  survey_id uuid not null references public.surveys (id) on delete cascade,
  question_key text not null,
  item text not null,
  choice text not null,
  district text not null,
  age_group text not null,
  shard smallint not null,
  n bigint not null,
  primary key (survey_id, question_key, item, choice, district, age_group, shard)
);

create table public.rollup_responses (
  survey_id uuid not null references public.surveys (id) on delete cascade,
  district text not null,
  age_group text not null,
  shard smallint not null,
  n bigint not null,
  primary key (survey_id, district, age_group, shard)
);
