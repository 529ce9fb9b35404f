-- The kind of the signed-in user (app.user_id), for policies that open rows to a platform role such as
-- the vendor's migration team ('migration_team'). Reads users under the caller's own row-level
-- security (every scope may read its own user row); null when nobody is signed in or the user is not active.
CREATE OR REPLACE FUNCTION app_user_kind() RETURNS text
  LANGUAGE sql STABLE AS $$
    SELECT u.kind FROM public.users u WHERE u.id = app_user_id() AND u.status = 'active'
  $$;
