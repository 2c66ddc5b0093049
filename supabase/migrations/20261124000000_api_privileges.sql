-- First of all: Koe grants the API roles each table and function it means them to
-- use, explicitly, in the migration that creates it. A Supabase project instead
-- grants `anon` and `authenticated` everything created in `public` by default
-- (row-level security then filters rows, but not TRUNCATE, and not who may call a
-- function). Turning those defaults off for the role that runs the migrations
-- makes a Supabase database end up with exactly the grants of the SQL modes,
-- where there are no such defaults and this changes nothing.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
