-- A retried submission must be the same submission: the request's fingerprint is kept with its key.
alter table submission_key add column request_hash varchar(64);
-- Only editors' images get public renditions at once; everyone else's wait for moderation.
alter table media_upload add column public_renditions boolean not null default false;
