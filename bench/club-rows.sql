-- Rows for the reading-club feed benchmark: :posts public posts (default 1,000,000) by 1,000 cadres, one every 30 s
-- back from now, one in ten tagged 月度主题, with like and comment counts spread so the hot order is not the latest.
-- Run against a database the service has already migrated (Flyway made the schema):
--   psql -v posts=1000000 -d youguang_bench -f bench/club-rows.sql
\if :{?posts}
\else
\set posts 1000000
\endif
\set ON_ERROR_STOP on

insert into app_user (kind, openid, display_name, unit, created_at, updated_at)
select 'WECHAT', 'bench-' || g, '读者' || g, '执法支队', now(), now() from generate_series(1, 1000) g
on conflict do nothing;
insert into user_role (user_id, role)
select id, r from app_user, unnest(array['citizen', 'cadre']) r where openid like 'bench-%'
on conflict do nothing;

insert into club_post (author_id, book_title, book_author, body, tags, status, in_queue, like_count, comment_count,
                       created_at, published_at)
select first.id + g % 1000, '书名' || g % 5000, '作者' || g % 800,
       '读书笔记 ' || g || '：' || repeat('读书使人明理。', 20),
       case when g % 10 = 0 then '月度主题' else '读书笔记' end, 'PUBLISHED', false,
       (g::bigint * 7919) % 50, (g::bigint * 104729) % 10,
       now() - g * interval '30 seconds', now() - g * interval '30 seconds'
from generate_series(1, :posts) g, (select min(id) as id from app_user where openid like 'bench-%') first;

insert into club_post_tag (post_id, tag)
select id, tags from club_post where author_id in (select id from app_user where openid like 'bench-%')
on conflict do nothing;

analyze;
