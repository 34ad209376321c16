-- Lists ordered newest first whose order no index served (found reviewing the queries, see KeysetQuery).

-- the dispatcher's and inspector's queue without a filter: channel, not held, newest first
create index report_queue_idx on report (channel, held, created_at, id);

-- the console's account list orders by creation, optionally by kind; (kind, id) served neither
drop index app_user_kind_idx;
create index app_user_created_idx on app_user (created_at, id);
create index app_user_kind_created_idx on app_user (kind, created_at, id);

-- the console's video list filtered by status, newest first
create index video_admin_status_idx on video (status, created_at, id);

-- the deadline watch forgets Idempotency-Keys older than their window
create index submission_key_created_idx on submission_key (created_at);
