-- The working-day calendar as data an admin enters each year (the State Council publishes the next year's holidays
-- late in the year before); 2026's schedule is the one shipped before as configuration.
create table work_calendar_year (
    year        integer primary key,
    entered_by  bigint,
    entered_at  timestamp with time zone not null
);

-- a public holiday (working = false) or a weekend day made a working day in exchange, 调休 (working = true)
create table work_calendar_day (
    day      date    primary key,
    working  boolean not null
);

insert into work_calendar_year (year, entered_by, entered_at) values (2026, null, timestamp with time zone '2026-01-01 00:00:00+08');
insert into work_calendar_day (day, working) values
    (date '2026-01-01', false),
    (date '2026-01-02', false),
    (date '2026-01-03', false),
    (date '2026-02-15', false),
    (date '2026-02-16', false),
    (date '2026-02-17', false),
    (date '2026-02-18', false),
    (date '2026-02-19', false),
    (date '2026-02-20', false),
    (date '2026-02-21', false),
    (date '2026-02-22', false),
    (date '2026-02-23', false),
    (date '2026-04-04', false),
    (date '2026-04-05', false),
    (date '2026-04-06', false),
    (date '2026-05-01', false),
    (date '2026-05-02', false),
    (date '2026-05-03', false),
    (date '2026-05-04', false),
    (date '2026-05-05', false),
    (date '2026-06-19', false),
    (date '2026-06-20', false),
    (date '2026-06-21', false),
    (date '2026-09-25', false),
    (date '2026-09-26', false),
    (date '2026-09-27', false),
    (date '2026-10-01', false),
    (date '2026-10-02', false),
    (date '2026-10-03', false),
    (date '2026-10-04', false),
    (date '2026-10-05', false),
    (date '2026-10-06', false),
    (date '2026-10-07', false),
    (date '2026-01-04', true),
    (date '2026-02-14', true),
    (date '2026-02-28', true),
    (date '2026-05-09', true),
    (date '2026-09-20', true),
    (date '2026-10-10', true);

-- a due date counted over a year without a schedule (weekends only) is provisional, recomputed when it is entered
alter table report add column due_provisional boolean not null default false;
create index report_due_provisional_idx on report (due_provisional, status);
