-- Every uploaded video gets a phone-safe rendition (H.264 High, yuv420p, AAC, moov first) that the play endpoint
-- serves; the original stays where it was.
alter table video add column phone_key varchar(300);
