-- why a subscribe-message send failed ("WeChat not configured", "WeChat busy (errcode -1)", …), for the console
alter table notification_send add column failure_reason varchar(200);
