package io.quarkiverse.ving.record;

import static io.quarkiverse.ving.sql.Orm.and;
import static io.quarkiverse.ving.sql.Orm.ne;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.schema.PropDefault;
import io.quarkiverse.ving.schema.PropType;
import io.quarkiverse.ving.sql.Aggregate;
import io.quarkiverse.ving.sql.ComparisonOperator;
import io.quarkiverse.ving.sql.Condition;
import io.quarkiverse.ving.sql.Orm;
import io.smallrye.mutiny.Uni;

/**
 * Props posted by a user, set as ving's {@code setPostedProps} sets them: only those the user may edit, each checked
 * against the schema, a unique one against the other records, a parent relation against the user's right to edit the
 * new parent. Values are staged and set together once all pass, so a refused post changes nothing.
 */
final class PostedProps {

    private final VingRecord<?> record;
    private final CurrentUser user;
    private final boolean owns;
    private final Map<String, Object> staged = new LinkedHashMap<>();

    PostedProps(VingRecord<?> record, CurrentUser user, boolean owns) {
        this.record = record;
        this.user = user;
        this.owns = owns;
    }

    /**
     * ving's rule for who may edit a prop: its edit roles name {@code owner} and the user owns the record (or the
     * record is not inserted yet: its creator is its owner), or a role the user has.
     */
    private boolean editable(RecordProp prop) {
        return prop.edit().contains("owner") && (owns || !record.isInserted())
                || user != null && user.isaRole(prop.edit());
    }

    Uni<Void> apply(Map<String, ?> params) {
        KindModel model = record.model();
        String kind = model.kind();
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (RecordProp prop : model.props()) {
            if (!params.containsKey(prop.name()) || !editable(prop)) {
                continue;
            }
            if (prop.relation() != null && !prop.relation().isParent()) {
                continue; // only a parent relation is set by posting its id
            }
            Object posted = params.get(prop.name());
            if (posted instanceof CharSequence text && text.isEmpty() && prop.isRequired()) {
                throw new Ouch(Ouch.REQUIRED, kind + "." + prop.name() + " is required.", prop.name());
            }
            if (posted == null) {
                continue; // as ving: a null posted leaves the prop as it is
            }
            Object value = PropValues.checked(kind, prop, prop.type() == PropType.ID ? parsedId(kind, prop, posted) : posted);
            staged.put(prop.name(), value);
            if (prop.isUnique()) {
                checks = checks.chain(() -> unique(prop, value, params));
            }
            if (prop.relation() != null && !Boolean.TRUE.equals(prop.relation().extra().get("skipOwnerCheck"))) {
                checks = checks.chain(() -> mayEditParent(prop, value));
            }
        }
        return checks.invoke(() -> staged.forEach(record::set));
    }

    /** An id posted as ving's string id, or as a number. */
    private static Object parsedId(String kind, RecordProp prop, Object posted) {
        if (posted instanceof String text) {
            return VingIds.tryParse(text).orElseThrow(() -> new Ouch(Ouch.INVALID, kind + "." + prop.name()
                    + " must be an id, as a number or a ving string id.", prop.name()));
        }
        return posted;
    }

    /** ving's unique check: no other record of the kind (among those of the same qualifiers) has the value. */
    private Uni<Void> unique(RecordProp prop, Object value, Map<String, ?> params) {
        KindModel model = record.model();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition.Comparison(prop.column(), ComparisonOperator.EQ, value));
        if (record.isInserted()) {
            conditions.add(ne(model.id(), record.id()));
        }
        for (String qualifier : prop.uniqueQualifiers()) {
            Object qualifying = params.get(qualifier) != null ? params.get(qualifier) : record.get(qualifier);
            conditions.add(new Condition.Comparison(model.requireProp(qualifier).column(),
                    ComparisonOperator.EQ, qualifying));
        }
        Aggregate<Long> count = Orm.count();
        return record.db().select(count).from(model.table())
                .where(and(conditions.toArray(Condition[]::new))).execute()
                .invoke(rows -> {
                    long found = rows.get(0).get(count);
                    if (found > 0) {
                        throw new Ouch(Ouch.CONFLICT, model.kind() + "." + prop.name() + " must be unique, but " + value
                                + " has already been used.", prop.name());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Re-parenting: the user must be allowed to edit the new parent: a 403 otherwise, a 404 when there is none; each
     * naming the prop.
     */
    private Uni<Void> mayEditParent(RecordProp prop, Object parentId) {
        String path = record.model().kind() + "." + prop.name();
        String parentKind = prop.relation().kind();
        return record.kindForRelation(prop).findOrDie((Long) parentId)
                .chain(parent -> parent.canEdit(user))
                .onFailure(Ouch.class).transform(failure -> {
                    Ouch ouch = (Ouch) failure;
                    return switch (ouch.code()) {
                        case Ouch.FORBIDDEN -> new Ouch(Ouch.FORBIDDEN, path + " cannot point at that " + parentKind
                                + ": you do not have the privileges to access " + parentKind + ".", prop.name());
                        case Ouch.NOT_FOUND -> new Ouch(Ouch.NOT_FOUND, path + " points at no " + parentKind + ": "
                                + ouch.getMessage(), prop.name());
                        default -> ouch;
                    };
                })
                .replaceWithVoid();
    }

    /**
     * ving's {@code testCreationProps}: each required prop without a default (or with an empty one) must be posted,
     * and not empty.
     */
    static boolean testCreationProps(KindModel model, Map<String, ?> params) {
        for (RecordProp prop : model.props()) {
            if (!prop.isRequired() || prop.isVirtual() || prop.relation() != null || hasDefault(prop)) {
                continue;
            }
            Object posted = params.get(prop.name());
            if (posted == null || posted instanceof CharSequence text && text.isEmpty()) {
                throw new Ouch(Ouch.REQUIRED, model.kind() + "." + prop.name() + " is required.", prop.name());
            }
        }
        return true;
    }

    /** A default other than none, undefined or the empty string (ving counts those as none). */
    private static boolean hasDefault(RecordProp prop) {
        PropDefault value = prop.defaultValue();
        if (value instanceof PropDefault.Literal literal) {
            return literal.value() != null && !"".equals(literal.value());
        }
        return value instanceof PropDefault.Now || value instanceof PropDefault.NewUuid || value instanceof PropDefault.Computed;
    }
}
