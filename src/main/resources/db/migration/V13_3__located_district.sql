-- the district a street report's point lies in by the configured district polygons; a differing chosen district
-- is accepted and shown to the dispatcher
alter table report add column located_district varchar(32);
