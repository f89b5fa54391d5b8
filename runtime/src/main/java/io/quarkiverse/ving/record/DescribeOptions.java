package io.quarkiverse.ving.record;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code describe} and {@code propOptions} show, and to whom: ving's {@code {currentUser, include: {links, meta,
 * options, private, related, extra}}}.
 *
 * <pre>
 * record.describe(DescribeOptions.as(user).withMeta().withOptions().withRelated("avatar"))
 * record.describe(Map.of("currentUser", user, "include", Map.of("meta", true)))   // ving's form
 * </pre>
 *
 * @param currentUser who asks; null for a visitor
 * @param links ving's REST links: the kind's base, the record's own, one per relation
 * @param meta the kind, whether the user owns the record, its display name, deletion, accepted file extensions
 * @param options the enum and boolean props' options the user may see ({@code propOptions})
 * @param includePrivate every prop, whoever asks (ving's {@code include.private})
 * @param related the parent relations to describe along, with the same options
 * @param extra the names of the extra descriptions a record subclass provides ({@code describeExtra})
 */
public record DescribeOptions(CurrentUser currentUser, boolean links, boolean meta, boolean options, boolean includePrivate,
        List<String> related, List<String> extra) {

    /** A visitor's view: public props only, nothing included. */
    public static final DescribeOptions VISITOR = new DescribeOptions(null, false, false, false, false, List.of(), List.of());

    public DescribeOptions {
        related = List.copyOf(related);
        extra = List.copyOf(extra);
    }

    /** What this user may see, nothing included yet. */
    public static DescribeOptions as(CurrentUser user) {
        return new DescribeOptions(user, false, false, false, false, List.of(), List.of());
    }

    public DescribeOptions withLinks() {
        return new DescribeOptions(currentUser, true, meta, options, includePrivate, related, extra);
    }

    public DescribeOptions withMeta() {
        return new DescribeOptions(currentUser, links, true, options, includePrivate, related, extra);
    }

    public DescribeOptions withOptions() {
        return new DescribeOptions(currentUser, links, meta, true, includePrivate, related, extra);
    }

    /** Every prop, whoever asks: for the server's own use, never for an answer to a client. */
    public DescribeOptions withPrivate() {
        return new DescribeOptions(currentUser, links, meta, options, true, related, extra);
    }

    public DescribeOptions withRelated(String... relations) {
        return new DescribeOptions(currentUser, links, meta, options, includePrivate, List.of(relations), extra);
    }

    public DescribeOptions withExtra(String... names) {
        return new DescribeOptions(currentUser, links, meta, options, includePrivate, related, List.of(names));
    }

    /**
     * What a REST client asks for in its query, as ving's services read it: {@code includeLinks}, {@code includeMeta},
     * {@code includeOptions} ({@code true}), {@code includeRelated} and {@code includeExtra} (comma-separated names).
     * A client never gets private props: there is no {@code includePrivate}.
     *
     * @param query each query param's value (the first, when repeated); absent ones are not asked for
     */
    public static DescribeOptions fromQuery(CurrentUser user, java.util.function.Function<String, String> query) {
        return new DescribeOptions(user, "true".equals(query.apply("includeLinks")), "true".equals(query.apply("includeMeta")),
                "true".equals(query.apply("includeOptions")), false, commaSeparated(query.apply("includeRelated")),
                commaSeparated(query.apply("includeExtra")));
    }

    private static List<String> commaSeparated(String names) {
        return names == null || names.isBlank() ? List.of()
                : java.util.Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static final Set<String> KEYS = Set.of("currentUser", "include");
    private static final Set<String> INCLUDE_KEYS = Set.of("links", "meta", "options", "private", "related", "extra");

    /**
     * ving's form, {@code {currentUser, include: {links: true, related: ['avatar'], …}}}, so that code ported from ving
     * reads the same.
     *
     * @throws IllegalArgumentException naming a key ving does not have, or a value of the wrong type
     */
    public static DescribeOptions from(Map<String, ?> params) {
        unknownKeys(params, KEYS, "describe's params");
        Object user = params.get("currentUser");
        if (user != null && !(user instanceof CurrentUser)) {
            throw new IllegalArgumentException("describe's currentUser must be a CurrentUser (a User record or a session),"
                    + " not a " + user.getClass().getSimpleName() + ".");
        }
        Object include = params.get("include");
        if (include != null && !(include instanceof Map)) {
            throw new IllegalArgumentException("describe's include must be a map, such as {meta: true}.");
        }
        Map<?, ?> included = include == null ? Map.of() : (Map<?, ?>) include;
        unknownKeys(included, INCLUDE_KEYS, "describe's include");
        return new DescribeOptions((CurrentUser) user, flag(included, "links"), flag(included, "meta"),
                flag(included, "options"), flag(included, "private"), names(included, "related"), names(included, "extra"));
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String what) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(what + " has no key " + key + "; its keys are "
                        + known.stream().sorted().toList() + ".");
            }
        }
    }

    private static boolean flag(Map<?, ?> include, String key) {
        Object value = include.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("describe's include." + key + " must be true or false.");
        }
        return Boolean.TRUE.equals(value);
    }

    private static List<String> names(Map<?, ?> include, String key) {
        Object value = include.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("describe's include." + key + " must be a list of names.");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
