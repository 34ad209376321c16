-- Access tokens carry the account's token version; raising it (disable, role change, sign-out everywhere) makes
-- every access token issued before refused within seconds on every instance.
alter table app_user add column token_version integer not null default 0;
