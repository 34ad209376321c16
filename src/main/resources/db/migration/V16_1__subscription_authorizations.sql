-- A WeChat one-time subscribe authorization covers one message: the row counts the sends the reporter has allowed
-- (each wx.requestSubscribeMessage accepted adds one); a send takes one, and the row goes when none is left.
alter table report_subscription add column authorizations integer not null default 1;
