-- Search on PostgreSQL: terms holds the text's CJK bigrams and Latin words, so a two-character Chinese query is
-- one term; the GIN index over its tsvector answers it without scanning the table.
create index search_document_terms_idx on search_document using gin (to_tsvector('simple', terms));
