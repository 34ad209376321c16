-- A staff account's link to its holder's WeChat identity, made by the person themselves (a one-time code from the
-- console redeemed in the mini-program), used only to send them reminders. The openid is kept encrypted.
create table staff_wechat_link (
    staff_id      bigint       not null primary key,
    openid_cipher varchar(300),
    -- the WeChat account that redeemed the code: deleting either account removes the link
    wechat_user_id bigint,
    code_hash     varchar(64),
    code_expires_at timestamp with time zone,
    linked_at     timestamp with time zone,
    constraint staff_wechat_link_staff_fk foreign key (staff_id) references app_user (id) on delete cascade,
    constraint staff_wechat_link_wechat_fk foreign key (wechat_user_id) references app_user (id) on delete cascade,
    constraint staff_wechat_link_code_uk unique (code_hash)
);
