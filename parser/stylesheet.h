/* stylesheet.h: the classes a page's own style sheet hides.
 *
 * A print view hides its "Luk vinduet" / "Udskriv" links by a class its <style> declares
 * hidden (".noprint { display: none }"), not by an inline style.  The CSS of the page's
 * <style> elements is read for rules whose declarations hide (display: none, visibility:
 * hidden) and whose selectors are one class, alone or after an element's name
 * (".noprint", "div.noprint"); rules inside @media are read only for print ("@media
 * print { ... }"), as the page on paper is the record.  No other selector is understood:
 * a class hidden only in some context is not taken.  At most PK_HIDDEN_CLASSES_MAX
 * classes of at most PK_HIDDEN_CLASS_LEN bytes are held; more are ignored. */
#ifndef PK_STYLESHEET_H
#define PK_STYLESHEET_H

#include <stdbool.h>
#include <stddef.h>

enum { PK_HIDDEN_CLASSES_MAX = 32, PK_HIDDEN_CLASS_LEN = 48 };

typedef struct pk_hidden_classes {
  size_t count;
  char names[PK_HIDDEN_CLASSES_MAX][PK_HIDDEN_CLASS_LEN + 1];
} pk_hidden_classes;

/* Adds to HIDDEN the classes the LEN bytes of CSS hide. */
void pk_stylesheet_read(pk_hidden_classes *hidden, const char *css, size_t len);

/* Whether a class attribute's value (classes separated by blanks) names a hidden class. */
bool pk_stylesheet_hides(const pk_hidden_classes *hidden, const char *class_attribute);

#endif
