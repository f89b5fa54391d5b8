package io.quarkiverse.ving.record;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@code describeList} pages and describes: ving's {@code {page, itemsPerPage, maxItems, sortBy, sortOrder,
 * objectParams}}.
 *
 * @param page the page, from 1
 * @param itemsPerPage 1 to 100; any other number means ving's 10
 * @param maxItems the most items all pages together show
 * @param sortBy props to sort by; none means {@code createdAt}
 * @param descending ving's {@code sortOrder: 'desc'}
 * @param objectParams how each record is described
 */
public record ListParams(int page, int itemsPerPage, long maxItems, List<String> sortBy, boolean descending,
        DescribeOptions objectParams) {

    /** ving's defaults: the first page of 10, by createdAt ascending, described to a visitor. */
    public static final ListParams FIRST_PAGE = new ListParams(1, 10, 100_000_000_000L, List.of(), false,
            DescribeOptions.VISITOR);

    public ListParams {
        page = Math.max(1, page);
        itemsPerPage = itemsPerPage < 1 || itemsPerPage > 100 ? 10 : itemsPerPage;
        maxItems = maxItems < 1 ? 100_000_000_000L : maxItems;
        sortBy = List.copyOf(sortBy);
    }

    public ListParams page(int number) {
        return new ListParams(number, itemsPerPage, maxItems, sortBy, descending, objectParams);
    }

    public ListParams itemsPerPage(int count) {
        return new ListParams(page, count, maxItems, sortBy, descending, objectParams);
    }

    public ListParams maxItems(long count) {
        return new ListParams(page, itemsPerPage, count, sortBy, descending, objectParams);
    }

    public ListParams sortBy(boolean descendingOrder, String... props) {
        return new ListParams(page, itemsPerPage, maxItems, List.of(props), descendingOrder, objectParams);
    }

    public ListParams describedWith(DescribeOptions options) {
        return new ListParams(page, itemsPerPage, maxItems, sortBy, descending, options);
    }

    private static final Set<String> KEYS = Set.of("page", "itemsPerPage", "maxItems", "sortBy", "sortOrder", "objectParams");

    /**
     * ving's form, as a REST service receives it: numbers as numbers or text ({@code ?page=2}), {@code sortBy} a
     * name or a list, {@code sortOrder} {@code asc} or {@code desc}, {@code objectParams} describe's form.
     *
     * @throws Ouch 442 naming the param that does not fit
     */
    public static ListParams from(Map<String, ?> params) {
        for (String key : params.keySet()) {
            if (!KEYS.contains(key)) {
                throw new Ouch(Ouch.INVALID, "describeList has no param " + key + "; its params are "
                        + KEYS.stream().sorted().toList() + ".", key);
            }
        }
        Object sortBy = params.get("sortBy");
        List<String> sorted = sortBy == null ? List.of()
                : sortBy instanceof String name ? List.of(name.split(","))
                        : sortBy instanceof List<?> names && names.stream().allMatch(String.class::isInstance)
                                ? names.stream().map(String.class::cast).toList()
                                : null;
        if (sorted == null) {
            throw new Ouch(Ouch.INVALID, "describeList's sortBy must be a prop name or a list of them.", "sortBy");
        }
        Object order = params.get("sortOrder");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new Ouch(Ouch.INVALID, "describeList's sortOrder must be asc or desc.", "sortOrder");
        }
        Object objectParams = params.get("objectParams");
        if (objectParams != null && !(objectParams instanceof Map)) {
            throw new Ouch(Ouch.INVALID, "describeList's objectParams must be describe's params.", "objectParams");
        }
        @SuppressWarnings("unchecked")
        DescribeOptions options = objectParams == null ? DescribeOptions.VISITOR
                : DescribeOptions.from((Map<String, ?>) objectParams);
        return new ListParams((int) Math.min(Integer.MAX_VALUE, number(params, "page", 1)),
                (int) Math.min(Integer.MAX_VALUE, number(params, "itemsPerPage", 10)),
                number(params, "maxItems", 100_000_000_000L), sorted, "desc".equals(order), options);
    }

    private static long number(Map<String, ?> params, String key, long absent) {
        Object value = params.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.matches("[0-9]{1,12}")) {
            return Long.parseLong(text);
        }
        throw new Ouch(Ouch.INVALID, "describeList's " + key + " must be a whole number.", key);
    }
}
