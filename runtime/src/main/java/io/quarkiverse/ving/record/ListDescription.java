package io.quarkiverse.ving.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.sql.Orm;
import io.quarkiverse.ving.table.OrderTerm;
import io.smallrye.mutiny.Uni;

/**
 * One page of a kind's records, described, with ving's paging block: the page, the next and previous ones, the
 * items per page, and the totals; {@code maxItems} caps what all pages show together.
 */
final class ListDescription {

    private ListDescription() {
    }

    static <R extends VingRecord<R>> Uni<Map<String, Object>> of(Kind<R> kind, ListParams params,
            io.quarkiverse.ving.sql.Condition where) {
        List<OrderTerm> orderBy = new ArrayList<>();
        List<String> sortBy = params.sortBy().isEmpty() ? List.of("createdAt") : params.sortBy();
        for (String name : sortBy) {
            RecordProp prop = kind.model().prop(name).filter(candidate -> !candidate.isVirtual())
                    .orElseThrow(() -> new Ouch(Ouch.INVALID, kind.kind() + " has no prop named " + name
                            + " to sort by.", "sortBy"));
            orderBy.add(params.descending() ? Orm.desc(prop.column()) : Orm.asc(prop.column()));
        }
        int page = params.page();
        int perPage = params.itemsPerPage();
        long before = (long) perPage * (page - 1);
        // what maxItems leaves of this page
        long shown = Math.max(0, Math.min(perPage, params.maxItems() - before));
        return kind.count(where).chain(total -> {
            long totalPages = (total + perPage - 1) / perPage;
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("page", page);
            paging.put("nextPage", page + 1 > totalPages ? page : page + 1);
            paging.put("previousPage", page < 2 ? 1 : page - 1);
            paging.put("itemsPerPage", perPage);
            paging.put("totalItems", total);
            paging.put("totalPages", totalPages);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("paging", paging);
            List<Object> items = new ArrayList<>();
            out.put("items", items);
            if (shown == 0) {
                return Uni.createFrom().item(out);
            }
            FindOptions options = FindOptions.orderBy(orderBy.toArray(OrderTerm[]::new)).withLimit(shown).withOffset(before);
            return kind.findMany(where, options).chain(records -> {
                Uni<Void> described = Uni.createFrom().voidItem();
                for (R record : records) {
                    described = described.chain(() -> record.describe(params.objectParams()).invoke(items::add))
                            .replaceWithVoid();
                }
                return described.replaceWith(out);
            });
        });
    }
}
