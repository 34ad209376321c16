-- Rows for the depth benchmark (bench/depth.sh): :rows published stories, :rows street reports and :rows / 10
-- published videos, with the search documents the service would have written for them. The club's posts come from
-- bench/club-rows.sql. Run against a database the service has already migrated (Flyway made the schema):
--   psql -v rows=1000000 -v citizen=<app_user id> -v part=stories|reports -d youguang_depth_bench -f bench/depth-rows.sql
-- :citizen is the account that files 3 reports in 5 (so "my reports" reaches depth 500,000 at 1,000,000 rows, as
-- issue 13 asks); 1 in 5 comes from 1,000 other citizens and 1 in 5 is anonymous. :part picks the half to make, so
-- that depth.sh can run both halves side by side.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 1000000
\endif

select :'part' = 'stories' as stories, :'part' = 'reports' as reports \gset

\if :stories
-- stories: one every 61 s back from now, published, one in ten tagged 先进典型, a body of a real story's length
insert into tag (name) values ('先进典型') on conflict do nothing;
insert into story (slug, title, person, role, unit, summary, cover_url, status, published_at, source_text, body_html,
                   body_nodes, source_path, content_hash, created_at, updated_at, stage, review_step, api_owned)
select 'depth-' || g, '平凡岗位上的第' || g || '个故事', '城管队员' || g, '执法队员', '市城市管理局',
       '第' || g || '个故事：他在责任路段上坚守多年，群众说有他在就放心。', null, 'PUBLISHED',
       now() - g * interval '61 seconds',
       '---' || chr(10) || 'slug: depth-' || g || chr(10) || '---' || chr(10) || chr(10) || b.text,
       '<p>' || b.text || '</p>',
       '[{"name":"p","attrs":{},"children":[{"type":"text","text":"' || b.text || '"}]}]',
       null, md5('depth-' || g) || md5('story-' || g),
       now() - g * interval '61 seconds', now() - g * interval '61 seconds', 'published', 0, true
from generate_series(1, :rows) g,
     (select repeat('凌晨五点，街道还没有醒来，他已经沿着责任路段走完了第一遍。垃圾桶的位置、井盖的松动、占道的摊点，他都记在本子上，再一件件去处理。', 3) as text) b;
insert into story_tag (story_id, tag_id)
select s.id, t.id from story s, tag t where t.name = '先进典型' and s.slug like 'depth-%'
  and substr(s.slug, 7)::int % 10 = 0;

-- videos: one every 10 minutes back from now, ready and published, with keys as the upload and the video processor
-- make them (the poster and phone rendition are named after the video's id, so the ids are drawn first)
insert into video (id, title, description, object_key, poster_key, poster_from_editor, status, duration_ms, width,
                   height, container, video_codec, audio_codec, bitrate, playable, published, published_at, view_count,
                   attempts, created_at, updated_at, phone_key)
select v.id, '城管风采第' || v.g || '期', '第' || v.g || '期：一线队员的一天。',
       'private/video/' || md5('video-' || v.g)::uuid || '.mp4', 'public/video/' || v.id || '/poster.jpg', false,
       'READY', 60000 + v.g % 240000, 1280, 720, 'mp4', 'h264', 'aac', 2000000, true, true,
       now() - v.g * interval '10 minutes', v.g % 5000, 1,
       now() - v.g * interval '10 minutes' - interval '1 hour', now() - v.g * interval '10 minutes',
       'private/video/' || v.id || '/phone.mp4'
from (select g, nextval(pg_get_serial_sequence('video', 'id')) as id from generate_series(1, :rows / 10) g) v;

-- what SearchIndex would have written for each (it fills an empty index at start, one entry at a time)
insert into search_document (entry_type, entry_id, slug, title, body, terms, published_at)
select 'STORY', id, slug, title, summary,
       ' 平凡 凡岗 岗位 位上 上的 的第 ' || substr(slug, 7) || ' 个故 故事 他在 在责 责任 任路 路段 段上 上坚 坚守 守多 多年 群众 众说 说有 有他 他在 在就 就放 放心 ',
       published_at
from story where slug like 'depth-%';
insert into search_document (entry_type, entry_id, slug, title, body, terms, published_at)
select 'VIDEO', id, null, title, description, ' 城管 管风 风采 采第 ' || id || ' 一线 线队 队员 员的 的一 一天 ', published_at
from video;
\endif

\if :reports
-- 1,000 more citizens, who file 1 report in 5
insert into app_user (kind, openid, display_name, created_at, updated_at)
select 'WECHAT', 'depth-citizen-' || n, null, now() - interval '800 days', now() - interval '800 days'
from generate_series(1, 1000) n on conflict do nothing;
insert into user_role (user_id, role)
select id, 'citizen' from app_user where openid like 'depth-citizen-%' on conflict do nothing;

-- street reports: one a minute back from now. The last 2,000 are still being handled; older ones ended (85 % closed),
-- one in ten was flagged overdue on the way, one in a hundred is held. Deadlines are those of handled reports, so the
-- deadline watch finds nothing newly late.
insert into report (number, channel, category_code, description, status, query_code_hash, reporter_id, anonymous,
                    source, gcj_lat, gcj_lon, wgs_lat, wgs_lon, address, district, located_district, assigned_unit,
                    transferred_to, for_higher_level, held, accept_due, result_due, overdue, escalated_at, accepted_at,
                    closed_at, reopen_count, created_at, updated_at, due_provisional)
select 'SP-' || to_char(r.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad((r.g % 1000000)::text, 6, '0'),
       'STREET', (array['litter', 'facility', 'vending', 'ads', 'parking', 'enforcement', 'other-street'])[r.g % 7 + 1],
       '第' || r.g || '号反映：路边有暴露垃圾和乱堆杂物，影响通行，请尽快处理。',
       r.status,
       case when r.reporter is null then md5('code-' || r.g) || md5('hash-' || r.g) end,
       r.reporter, r.reporter is null, 'miniprogram',
       33.35 + (r.g % 1000) * 0.0001, 120.15 + (r.g % 997) * 0.0001,
       33.352 + (r.g % 1000) * 0.0001, 120.155 + (r.g % 997) * 0.0001,
       '建军中路' || (r.g % 500 + 1) || '号附近', r.district, r.district,
       case when r.status not in ('SUBMITTED', 'ACCEPTED') then '亭湖区城管中队' end,
       case when r.status = 'TRANSFERRED' then '区住房和城乡建设局' end,
       false, r.g % 100 = 50,
       (r.at at time zone 'Asia/Shanghai')::date + 3,
       case when r.status <> 'SUBMITTED' then (r.at at time zone 'Asia/Shanghai')::date + 15 end,
       r.g > 2000 and r.g % 10 = 7,
       case when r.g > 2000 and r.g % 10 = 7 then r.at + interval '19 hours' end,
       case when r.status <> 'SUBMITTED' then r.at + interval '2 hours' end,
       case when r.g > 2000 then r.at + interval '20 hours' end,
       0, r.at, case when r.g > 2000 then r.at + interval '20 hours' else r.at end, false
from (select g, now() - g * interval '60 seconds' as at,
             case when g <= 2000 then (array['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS'])[g % 4 + 1]
                  when g % 20 = 0 then 'REJECTED' when g % 20 = 1 then 'DUPLICATE' when g % 20 = 2 then 'TRANSFERRED'
                  else 'CLOSED' end as status,
             case when g % 5 < 3 then :citizen
                  when g % 5 = 3 then first.id + (g / 5) % 1000 end as reporter,
             (array['亭湖区', '盐都区', '大丰区', '经开区', '城南新区'])[(g / 5) % 5 + 1] as district
      from generate_series(1, :rows) g,
           (select min(id) as id from app_user where openid like 'depth-citizen-%') first) r;
\endif
