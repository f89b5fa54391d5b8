package io.quarkiverse.ving.record;

import java.util.List;

import io.quarkiverse.ving.table.OrderTerm;

/**
 * ving's {@code {orderBy, limit, offset}} for {@code findMany} and {@code findAll}.
 *
 * @param orderBy orders ({@code asc(c)}, {@code desc(c)}) or columns, in turn
 * @param limit the most records; null for all
 * @param offset records skipped first; null for none
 */
public record FindOptions(List<OrderTerm> orderBy, Long limit, Long offset) {

    public static final FindOptions NONE = new FindOptions(List.of(), null, null);

    public static FindOptions orderBy(OrderTerm... orders) {
        return NONE.withOrderBy(orders);
    }

    public static FindOptions limit(long records) {
        return NONE.withLimit(records);
    }

    public FindOptions withOrderBy(OrderTerm... orders) {
        return new FindOptions(List.of(orders), limit, offset);
    }

    public FindOptions withLimit(long records) {
        return new FindOptions(orderBy, records, offset);
    }

    public FindOptions withOffset(long records) {
        return new FindOptions(orderBy, limit, records);
    }
}
