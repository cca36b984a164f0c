/* accords-person-role.h: a person's dated role in an agreement */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_PERSON_ROLE (accords_person_role_get_type ())

G_DECLARE_FINAL_TYPE (AccordsPersonRole, accords_person_role, ACCORDS, PERSON_ROLE, GObject)

AccordsPersonRole *accords_person_role_new (void);
gint64 accords_person_role_get_id (AccordsPersonRole *self);
void accords_person_role_set_id (AccordsPersonRole *self, gint64 id);
const char *accords_person_role_get_name (AccordsPersonRole *self);
void accords_person_role_set_name (AccordsPersonRole *self, const char *name);
const char *accords_person_role_get_role (AccordsPersonRole *self);
void accords_person_role_set_role (AccordsPersonRole *self, const char *role);
const char *accords_person_role_get_country (AccordsPersonRole *self);
void accords_person_role_set_country (AccordsPersonRole *self, const char *country);
const char *accords_person_role_get_start (AccordsPersonRole *self);
void accords_person_role_set_start (AccordsPersonRole *self, const char *start);
const char *accords_person_role_get_end (AccordsPersonRole *self);
void accords_person_role_set_end (AccordsPersonRole *self, const char *end);
const char *accords_person_role_get_source_url (AccordsPersonRole *self);
void accords_person_role_set_source_url (AccordsPersonRole *self, const char *source_url);

G_END_DECLS
