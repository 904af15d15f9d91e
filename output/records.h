/* records.h: the model's records as JSON, shared by the JSON document emitter and the
 * JSON Lines emitter so both say the same thing.  Each writes one value, in place, with
 * W (see jsonwrite.h). */
#ifndef PK_RECORDS_H
#define PK_RECORDS_H

#include "jsonwrite.h"

#include "../parser/model.h"

void pk_json_pages(pk_json_writer *w, const pk_span *span);   /* [first, last] or null */
void pk_json_offsets(pk_json_writer *w, const pk_span *span); /* [start, end] */
void pk_json_item(pk_json_writer *w, const pk_item *item);
void pk_json_appendix(pk_json_writer *w, const pk_appendix *app);
/* The meeting as the JSON document states it once. */
void pk_json_document(pk_json_writer *w, const pk_document *doc);
/* The document's metadata as every JSON Lines record repeats it. */
void pk_json_line_document(pk_json_writer *w, const pk_document *doc);

#endif
