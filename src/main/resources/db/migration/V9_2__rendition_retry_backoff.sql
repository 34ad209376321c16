-- an image job that failed because the object store was unreachable gives its claim back at once and waits
-- rendition_retry_at (doubling per attempt) instead of holding a 10-minute lease
alter table media_upload add column rendition_attempts integer not null default 0;
alter table media_upload add column rendition_retry_at timestamp with time zone;
