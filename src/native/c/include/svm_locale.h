/*
 * Default locale of the process, as a native image reads it at startup
 * (com.oracle.svm.core.c.locale.LocaleCHelper). Field and constant names are
 * fixed by the builder, which resolves them against this header.
 */
#ifndef VING_SVM_LOCALE_H
#define VING_SVM_LOCALE_H

#define SVM_LOCALE_INITIALIZATION_SUCCEEDED 0
#define SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY 1

/* "display" comes from LC_MESSAGES, "format" from LC_CTYPE, as in the JDK. NULL = unset. */
typedef struct {
    char *display_language;
    char *display_script;
    char *display_country;
    char *display_variant;
    char *format_language;
    char *format_script;
    char *format_country;
    char *format_variant;
} svm_locale_props_t;

/* Reads the locale from the environment once; returns one of the constants above. */
int svm_initialize_locale(void);

/* The values found by svm_initialize_locale; owned by the library. */
svm_locale_props_t *svm_get_locale(void);

#endif
