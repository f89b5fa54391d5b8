package io.quarkiverse.ving.runtime;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects the ving beans of a named datasource: {@code @Inject @VingDatasource("orders") VingDb orders;} or {@code
 * VingMigrations}. The default datasource's beans need no qualifier.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ METHOD, FIELD, PARAMETER, TYPE })
public @interface VingDatasource {

    /** The datasource's Quarkus name, as in {@code quarkus.datasource."orders".*}. */
    String value();

    /** The qualifier as a value, for synthetic beans and programmatic lookup. */
    final class Literal extends AnnotationLiteral<VingDatasource> implements VingDatasource {

        private static final long serialVersionUID = 1L;

        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
