-- Keyword search of the "Bases clínicas" screen, served by a trigram index under row-level security.
--
-- Under RLS PostgreSQL never uses a non-leakproof operator (LIKE, ~) as an index condition, so the
-- app role's search read every base of the scope. clinic_search() runs as the migration owner
-- (SECURITY DEFINER) and filters by the verified scope itself: app_scope() and app_reseller_id() can
-- only be set through the signed app_enter_scope(), so they can be trusted here. Platform scope sees
-- every base (optionally one singular's), reseller scope only its own singular's, any other scope
-- nothing. At most 1,001 matches are returned (ordered as the screen lists them), so the screen can say
-- "mais de 1.000" instead of paying for an exact total; the page then reads its rows by id (a leakproof
-- `=`), under RLS as usual.
--
-- When the owner is a superuser (or has BYPASSRLS) the function bypasses RLS and the index serves the
-- search. A non-superuser owner stays subject to the forced RLS of "clinics": the results are the same
-- (its own scope filter and the policies agree), but the search falls back to reading the scope's bases.
CREATE OR REPLACE FUNCTION public.clinic_name_folded(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(translate(t,
      'áàâãäÁÀÂÃÄéèêëÉÈÊËíìîïÍÌÎÏóòôõöÓÒÔÕÖúùûüÚÙÛÜçÇñÑ',
      'aaaaaAAAAAeeeeEEEEiiiiIIIIoooooOOOOOuuuuUUUUcCnN'))
  $$;
--> statement-breakpoint
-- Stored rather than an index expression: folding costs a few microseconds per name, and a search the
-- planner serves by the reseller's rows instead of the trigram index would fold every one of them.
ALTER TABLE public.clinics ADD COLUMN IF NOT EXISTS name_folded text GENERATED ALWAYS AS (public.clinic_name_folded(name)) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS clinics_name_folded_trgm_idx ON public.clinics USING gin (name_folded gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.clinic_search(p_words text[], p_reseller_id bigint, p_status text)
  RETURNS TABLE (reseller_id bigint, id bigint, ord bigint, total bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  scope text := public.app_scope();
  fence bigint := p_reseller_id;
  conditions text := '';
  word text;
BEGIN
  IF scope = 'reseller' THEN
    IF public.app_reseller_id() IS NULL OR (p_reseller_id IS NOT NULL AND p_reseller_id <> public.app_reseller_id()) THEN
      RETURN;
    END IF;
    fence := public.app_reseller_id();
  ELSIF scope IS DISTINCT FROM 'platform' THEN
    RETURN;
  END IF;
  IF p_words IS NULL OR cardinality(p_words) NOT BETWEEN 1 AND 6 THEN
    RETURN;
  END IF;
  FOREACH word IN ARRAY p_words LOOP
    conditions := conditions || format(
      ' AND c.name_folded LIKE %L',
      '%' || regexp_replace(public.clinic_name_folded(word), '([\\%_])', '\\\1', 'g') || '%');
  END LOOP;
  IF fence IS NOT NULL THEN
    conditions := conditions || format(' AND c.reseller_id = %L', fence);
  END IF;
  IF p_status IS NOT NULL THEN
    conditions := conditions || format(' AND c.status = %L', p_status);
  END IF;
  RETURN QUERY EXECUTE
    'WITH m AS (SELECT c.reseller_id, c.id, c.name FROM public.clinics c WHERE true' || conditions ||
    ' ORDER BY c.reseller_id, c.name, c.id LIMIT 1001)'
    ' SELECT m.reseller_id, m.id, row_number() OVER (ORDER BY m.reseller_id, m.name, m.id), count(*) OVER () FROM m';
END $$;
