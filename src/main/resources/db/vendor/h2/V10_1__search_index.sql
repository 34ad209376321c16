-- H2 (the embedded default) has no text index of this kind; search there scans search_document's terms.
select 1;
