/* accords-search-schema.h: the schema migration that the search needs */
#pragma once

/* The full-text tokenizer: the porter stemmer over unicode61, so that
 * "deport" finds "deported" and "deportation" and "Gjadër" finds "gjader" */
#define ACCORDS_SEARCH_TOKENIZE "tokenize='porter unicode61 remove_diacritics 2'"

/* An agreement's aliases in agreement_fts made again from agreement_alias;
 * ID is the SQL that gives the agreement's id.  The SQL of the schema is
 * kept short: SQLite keeps it in the first page of the file, and what does
 * not fit there spreads over pages anywhere in the file. */
#define ACCORDS_SEARCH_ALIASES_REFRESH(ID) \
  "UPDATE agreement_fts SET aliases=(SELECT group_concat(alias,'; ')FROM agreement_alias WHERE agreement_id=" ID ")" \
  "WHERE rowid=" ID ";"

/* Schema version 7, one transaction that can run again over its own result
 * (a database whose user_version was put back):
 * - the items' and the notes' full-text indexes again, stemmed, rebuilt from
 *   the rows they index (the triggers as versions 3 and 4 left them: items
 *   are added to the index in bulk by whoever inserts them);
 * - a full-text index of the agreements (title, short title, aliases,
 *   summary) that keeps its own copy of the text, kept by triggers (aliases
 *   are only ever inserted and deleted);
 * - an index on the date the item lists sort by, so that the newest items
 *   matching a common word are read from the index rather than sorted from
 *   every matching row (the row of a news item is a page of its own), and
 *   one of the unread items, so that unread counts need no row either;
 * - saved searches: a query and its filters, with a name. */
#define ACCORDS_SEARCH_SCHEMA_7 \
  "DROP TRIGGER IF EXISTS item_fts_delete;" \
  "DROP TRIGGER IF EXISTS item_fts_update;" \
  "DROP TABLE IF EXISTS item_fts;" \
  "CREATE VIRTUAL TABLE item_fts USING fts5(title,summary_text,content_text,content='item',content_rowid='id'," \
  ACCORDS_SEARCH_TOKENIZE ");" \
  "INSERT INTO item_fts(item_fts,rank) VALUES('hashsize',16777216);" \
  "CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN " \
  "INSERT INTO item_fts(item_fts,rowid,title,summary_text,content_text)" \
  "VALUES('delete',old.id,old.title,old.summary_text,old.content_text);" \
  "END;" \
  "CREATE TRIGGER item_fts_update AFTER UPDATE OF title,summary_text,content_text ON item BEGIN " \
  "INSERT INTO item_fts(item_fts,rowid,title,summary_text,content_text)" \
  "VALUES('delete',old.id,old.title,old.summary_text,old.content_text);" \
  "INSERT INTO item_fts(rowid,title,summary_text,content_text)" \
  "VALUES(new.id,new.title,new.summary_text,new.content_text);" \
  "END;" \
  "INSERT INTO item_fts(item_fts) VALUES('rebuild');" \
  \
  "DROP TRIGGER IF EXISTS note_fts_insert;" \
  "DROP TRIGGER IF EXISTS note_fts_delete;" \
  "DROP TRIGGER IF EXISTS note_fts_update;" \
  "DROP TABLE IF EXISTS note_fts;" \
  "CREATE VIRTUAL TABLE note_fts USING fts5(title,body,content='note',content_rowid='id'," ACCORDS_SEARCH_TOKENIZE ");" \
  "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN " \
  "INSERT INTO note_fts(rowid,title,body) VALUES(new.id,new.title,new.body);" \
  "END;" \
  "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN " \
  "INSERT INTO note_fts(note_fts,rowid,title,body) VALUES('delete',old.id,old.title,old.body);" \
  "END;" \
  "CREATE TRIGGER note_fts_update AFTER UPDATE OF title,body ON note BEGIN " \
  "INSERT INTO note_fts(note_fts,rowid,title,body) VALUES('delete',old.id,old.title,old.body);" \
  "INSERT INTO note_fts(rowid,title,body) VALUES(new.id,new.title,new.body);" \
  "END;" \
  "INSERT INTO note_fts(note_fts) VALUES('rebuild');" \
  \
  "DROP TRIGGER IF EXISTS agreement_fts_insert;" \
  "DROP TRIGGER IF EXISTS agreement_fts_update;" \
  "DROP TRIGGER IF EXISTS agreement_fts_delete;" \
  "DROP TRIGGER IF EXISTS agreement_fts_alias_insert;" \
  "DROP TRIGGER IF EXISTS agreement_fts_alias_delete;" \
  "DROP TABLE IF EXISTS agreement_fts;" \
  "CREATE VIRTUAL TABLE agreement_fts USING fts5(title,short_title,aliases,summary,columnsize=0," \
  ACCORDS_SEARCH_TOKENIZE ");" \
  "CREATE TRIGGER agreement_fts_insert AFTER INSERT ON agreement BEGIN " \
  "INSERT INTO agreement_fts(rowid,title,short_title,summary) VALUES(new.id,new.title,new.short_title,new.summary);" \
  "END;" \
  "CREATE TRIGGER agreement_fts_update AFTER UPDATE OF title,short_title,summary ON agreement BEGIN " \
  "UPDATE agreement_fts SET title=new.title,short_title=new.short_title,summary=new.summary WHERE rowid=new.id;" \
  "END;" \
  "CREATE TRIGGER agreement_fts_delete AFTER DELETE ON agreement BEGIN " \
  "DELETE FROM agreement_fts WHERE rowid=old.id;" \
  "END;" \
  "CREATE TRIGGER agreement_fts_alias_insert AFTER INSERT ON agreement_alias BEGIN " \
  ACCORDS_SEARCH_ALIASES_REFRESH ("new.agreement_id") \
  "END;" \
  "CREATE TRIGGER agreement_fts_alias_delete AFTER DELETE ON agreement_alias BEGIN " \
  ACCORDS_SEARCH_ALIASES_REFRESH ("old.agreement_id") \
  "END;" \
  "INSERT INTO agreement_fts(rowid,title,short_title,aliases,summary)" \
  "SELECT id,title,short_title,(SELECT group_concat(alias,'; ')FROM agreement_alias WHERE agreement_id=a.id),summary" \
  " FROM agreement a;" \
  \
  "CREATE INDEX IF NOT EXISTS item_sort_date ON item((CASE WHEN published<>'' THEN published ELSE updated END),id);" \
  "CREATE INDEX IF NOT EXISTS item_unread ON item(id)WHERE read=0;" \
  \
  "CREATE TABLE IF NOT EXISTS saved_search(name TEXT PRIMARY KEY CHECK(name<>''),query TEXT NOT NULL," \
  "feed_id INT NOT NULL,country TEXT NOT NULL,agreement TEXT NOT NULL,since TEXT NOT NULL,until TEXT NOT NULL," \
  "linked TEXT NOT NULL)WITHOUT ROWID;"
