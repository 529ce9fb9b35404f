import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { citext } from '@electric-sql/pglite/contrib/citext';
const t=Date.now();
const db = new PGlite({ extensions: { pg_trgm, citext } });
await db.exec(`create extension if not exists pg_trgm; create extension if not exists citext; create role app nologin nosuperuser nobypassrls; create table t(id int, r int); alter table t enable row level security; alter table t force row level security; create policy p on t using (r = nullif(current_setting('app.r', true),'')::int); grant select, insert on t to app; insert into t values (1,1),(2,2);`);
await db.transaction(async tx => { await tx.exec("set local role app"); console.log((await tx.query("select * from t")).rows); await tx.exec("select set_config('app.r','2',true)"); console.log((await tx.query("select * from t")).rows, (await tx.query("select current_user, (select rolbypassrls from pg_roles where rolname=current_user) b")).rows); });
console.log((await db.query("select current_user")).rows, Date.now()-t);
const c = await db.clone(); console.log((await c.query("select count(*) from t")).rows, Date.now()-t);
