/* accords-channel.h: what a feed says of its channel before its first item, and the channel's identity, pure */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *self_link;   /* atom:link rel="self" (or Atom's own), resolved; NULL: none */
  char  *link;        /* the website: RSS <link>, Atom rel="alternate"; NULL: none */
  char  *title;       /* whitespace collapsed; NULL: none */
  guint  ttl;         /* RSS <ttl>, minutes; 0: none */
} AccordsChannelHead;

void                accords_channel_head_free (AccordsChannelHead *head);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsChannelHead, accords_channel_head_free)

/* Reads the channel's elements up to its first item or entry, from the first
 * length bytes of a feed (the head is enough).  No network, no entities or
 * DTDs.  NULL when the bytes hold no RSS, RDF or Atom root element. */
AccordsChannelHead *accords_channel_read_head (const char *data,
                                               gsize       length,
                                               const char *base_uri);

/* What names the channel wherever its snapshots come from: its self link,
 * else its website link with its title.  Links compare without scheme,
 * letter case of the host, default port or fragment, so the http and https
 * copies of one channel are one.  NULL when the head has neither. */
char               *accords_channel_identity  (const AccordsChannelHead *head);

G_END_DECLS
