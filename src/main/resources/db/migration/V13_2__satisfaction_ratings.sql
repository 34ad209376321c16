-- 满意度评价: the reporter's 1-5 rating of a closed report, one per report, changeable within the response window.
create table report_rating (
    report_id     bigint      not null primary key,
    score         integer     not null,
    comment       varchar(300),
    -- what WeChat's text check said of the comment (approved, pending_review); supervision comments are never sent
    comment_state varchar(16),
    rated_at      timestamp with time zone not null,
    changed_at    timestamp with time zone not null,
    version       bigint      not null default 0,
    constraint report_rating_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint report_rating_score_ck check (score between 1 and 5)
);
