/*
 * Default locale for native images: the same rules the JDK applies when it
 * computes user.language / user.country / user.script / user.variant on Linux
 * (POSIX locale names "language_COUNTRY.encoding@variant", C/POSIX meaning
 * en_US, and the JDK's alias and legacy-code tables).
 *
 * The tables come from the JDK source this toolchain builds its static
 * libraries from (src/java.base/unix/native/libjava/locale_str.h), so they are
 * the JDK's own data, not a copy that could drift.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "svm_locale.h"
#include "locale_str.h"

static svm_locale_props_t props;

/* Tables are flat {key, value, key, value, ..., ""} arrays. */
static const char *lookup(char *map[], const char *key) {
    for (int i = 0; *map[i] != '\0'; i += 2) {
        if (strcmp(key, map[i]) == 0) {
            return map[i + 1];
        }
    }
    return NULL;
}

/* Splits one category's locale name into language, script, country and variant. */
static int parse_category(int category, char **language, char **script, char **country, char **variant) {
    const char *name = setlocale(category, NULL);
    if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        name = "en_US";
    }

    /* Room for the name or any alias replacing it. */
    size_t size = strlen(name) + 64;
    char *base = malloc(size);
    char *suffix = malloc(size);
    if (base == NULL || suffix == NULL) {
        free(base);
        free(suffix);
        return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
    }
    strcpy(base, name);
    suffix[0] = '\0';

    /* Cut ".encoding@variant" (or "@variant") off the base name. */
    char *cut = strchr(base, '.');
    if (cut == NULL) {
        cut = strchr(base, '@');
    }
    if (cut != NULL) {
        strcpy(suffix, cut);
        *cut = '\0';
    }

    /* Aliases such as "hebrew" stand for a full name, possibly with its own suffix. */
    const char *alias = lookup(locale_aliases, base);
    if (alias != NULL && strlen(alias) < size) {
        strcpy(base, alias);
        cut = strchr(base, '.');
        if (cut == NULL) {
            cut = strchr(base, '@');
        }
        if (cut != NULL) {
            strcpy(suffix, cut);
            *cut = '\0';
        }
    }

    char *lang = base;
    char *ctry = strchr(base, '_');
    if (ctry != NULL) {
        *ctry++ = '\0';
    }
    char *var = strchr(suffix, '@');
    if (var != NULL) {
        var++;
    }

    const char *mapped = lookup(language_names, lang);
    *language = strdup(mapped != NULL ? mapped : lang);
    if (ctry != NULL) {
        mapped = lookup(country_names, ctry);
        *country = strdup(mapped != NULL ? mapped : ctry);
    }
    /* Only variants the JDK knows are kept; they may name a script instead. */
    if (var != NULL) {
        mapped = lookup(script_names, var);
        if (mapped != NULL) {
            *script = strdup(mapped);
        }
        mapped = lookup(variant_names, var);
        if (mapped != NULL) {
            *variant = strdup(mapped);
        }
    }

    free(base);
    free(suffix);
    return *language == NULL ? SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY : SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

int svm_initialize_locale(void) {
    /* Like the JDK launcher: adopt the locale the environment (LANG, LC_*) asks for. */
    setlocale(LC_ALL, "");
    int status = parse_category(LC_MESSAGES, &props.display_language, &props.display_script,
                                &props.display_country, &props.display_variant);
    if (status != SVM_LOCALE_INITIALIZATION_SUCCEEDED) {
        return status;
    }
    return parse_category(LC_CTYPE, &props.format_language, &props.format_script,
                          &props.format_country, &props.format_variant);
}

svm_locale_props_t *svm_get_locale(void) {
    return &props;
}
