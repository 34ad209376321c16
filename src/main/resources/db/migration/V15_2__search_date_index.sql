-- Search's newest tier starts at the n-th newest document: a walk down this index, then its bitmap meets the term
-- index's (see SearchService). The (entry_type, published_at) index cannot answer it across types.
create index search_document_published_idx on search_document (published_at);
