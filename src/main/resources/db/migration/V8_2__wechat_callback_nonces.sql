-- Nonces of accepted WeChat pushes, kept a little longer than a push may be old (5 minutes), so a signed push
-- replayed on any instance is refused.
create table wechat_callback_nonce (
    nonce       varchar(64) primary key,
    received_at timestamp with time zone not null
);
create index wechat_callback_nonce_received_idx on wechat_callback_nonce (received_at);
