package io.quarkiverse.ving.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.schema.PropType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A record described as ving's {@code describe} does: which props a user may see, their values (ids as ving's string
 * ids), and what the options ask to include. Keys keep ving's order, so that the JSON reads as ving's.
 */
final class RecordDescription {

    private RecordDescription() {
    }

    /**
     * ving's visibility rule: a prop whose view or edit roles name {@code public}; or, asked for, every prop; or
     * {@code owner}, to its owner (to anyone when {@code all}); or a role the user has.
     */
    static boolean visible(RecordProp prop, DescribeOptions options, boolean owns, boolean all) {
        List<String> roles = prop.viewOrEdit();
        return roles.contains("public")
                || options.includePrivate()
                || roles.contains("owner") && (owns || all)
                || options.currentUser() != null && options.currentUser().isaRole(roles);
    }

    static Map<String, List<Map<String, Object>>> propOptions(KindModel model, DescribeOptions options, boolean owns,
            boolean all) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (RecordProp prop : model.props()) {
            boolean listed = prop.type() == PropType.ENUM || prop.type() == PropType.BOOLEAN;
            if (listed && !prop.enums().isEmpty() && visible(prop, options, owns, all)) {
                List<Map<String, Object>> choices = new ArrayList<>();
                for (int i = 0; i < prop.enums().size(); i++) {
                    Object value = prop.enums().get(i);
                    Map<String, Object> choice = new LinkedHashMap<>();
                    choice.put("value", value);
                    choice.put("label", i < prop.enumLabels().size() ? prop.enumLabels().get(i) : String.valueOf(value));
                    choices.add(choice);
                }
                out.put(prop.name(), choices);
            }
        }
        return out;
    }

    static Uni<Map<String, Object>> of(VingRecord<?> record, DescribeOptions options, boolean owns) {
        KindModel model = record.model();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", stringId(record.id()));
        out.put("props", props);
        Map<String, Object> links = null;
        String base = options.links() ? RestLinks.base(model.kind()) : null;
        String self = base == null ? null : base + "/" + props.get("id");
        if (options.links()) {
            links = new LinkedHashMap<>();
            links.put("base", RestLinks.link(base, "GET", "POST"));
            links.put("self", RestLinks.link(self, "GET", "PUT", "DELETE"));
            out.put("links", links);
        }
        if (options.options()) {
            out.put("options", propOptions(model, options, owns, false));
        }
        Map<String, Object> meta = null;
        if (options.meta()) {
            meta = new LinkedHashMap<>();
            meta.put("kind", model.kind());
            meta.put("isOwner", owns);
            if (record.isDeleted()) {
                meta.put("deleted", true);
            }
            out.put("meta", meta);
        }
        Map<String, Object> related = new LinkedHashMap<>();
        if (!options.related().isEmpty()) {
            out.put("related", related);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!options.extra().isEmpty()) {
            out.put("extra", extra);
        }
        if (!record.warnings().isEmpty()) {
            out.put("warnings", record.warnings().stream().map(warning -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("code", warning.code());
                shown.put("message", warning.message());
                return shown;
            }).toList());
        }
        List<String> parentsToDescribe = new ArrayList<>();
        for (RecordProp prop : model.props()) {
            if (prop.name().equals("id") || !visible(prop, options, owns, false)) {
                continue;
            }
            if (!prop.isVirtual()) {
                props.put(prop.name(), shown(prop, record.value(prop.name())));
            }
            if (links != null && prop.relation() != null) {
                String name = prop.relation().name().toLowerCase(java.util.Locale.ROOT);
                links.put(name, RestLinks.link(self + "/" + name, "GET"));
            }
            if (prop.relation() != null && !prop.relation().isChild()) {
                if (options.related().contains(prop.relation().name())) {
                    parentsToDescribe.add(prop.relation().name());
                }
                if (meta != null && prop.relation().acceptedFileExtensions() != null
                        && !prop.relation().acceptedFileExtensions().isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> accepted = (Map<String, Object>) meta.computeIfAbsent("acceptedFileExtensions",
                            key -> new LinkedHashMap<String, Object>());
                    accepted.put(prop.relation().name(), prop.relation().acceptedFileExtensions());
                }
            }
        }
        if (meta != null) {
            Map<String, Object> shownMeta = meta;
            record.displayName().ifPresent(name -> shownMeta.put("displayName", name));
        }
        Uni<Void> done = Uni.createFrom().voidItem();
        for (String name : parentsToDescribe) {
            done = done.chain(() -> record.parent(name))
                    .chain(parent -> parent == null ? Uni.createFrom().nullItem() : parent.describe(options))
                    .invoke(description -> related.put(name, description))
                    .replaceWithVoid();
        }
        for (String name : options.extra()) {
            done = done.chain(() -> record.describeExtra(name, options))
                    .invoke(value -> {
                        if (value != null) {
                            extra.put(name, value);
                        }
                    })
                    .replaceWithVoid();
        }
        return done.replaceWith(out);
    }

    /** A value as ving's descriptions show it: ids as string ids, JSON as the value it holds rather than its text. */
    private static Object shown(RecordProp prop, Object value) {
        if (value == null) {
            return null;
        }
        if (prop.type() == PropType.ID) {
            return stringId((Long) value);
        }
        if (prop.type() == PropType.JSON && value instanceof String text) {
            try {
                Object parsed = Json.decodeValue(text);
                return parsed instanceof JsonObject object ? object.getMap()
                        : parsed instanceof JsonArray array ? array.getList() : parsed;
            } catch (DecodeException e) {
                return text; // a json column holds valid JSON; a value set in memory may not, and is shown as it is
            }
        }
        return value;
    }

    private static String stringId(Long id) {
        return id == null ? null : VingIds.stringify(id);
    }
}
