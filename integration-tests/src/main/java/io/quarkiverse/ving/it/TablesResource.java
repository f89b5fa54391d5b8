package io.quarkiverse.ving.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;
import ving.drizzle.schema.APIKeyTable;
import ving.drizzle.schema.CronJobTable;
import ving.drizzle.schema.S3FileTable;
import ving.drizzle.schema.UserTable;

/**
 * Shows the tables generated from the reference schemas: code written against the generated classes.
 */
@Path("/tables")
public class TablesResource {

    /** The generated classes, used the way a service uses them. */
    static final List<Table> TABLES = List.of(APIKeyTable.TABLE, CronJobTable.TABLE, S3FileTable.TABLE, UserTable.TABLE);

    /** Typed columns: these assignments compile only if the generator typed each column by its Java type. */
    static final Column<String> EMAIL = UserTable.email;
    static final Column<Long> ID = UserTable.id;
    static final Column<Boolean> ADMIN = UserTable.admin;
    static final Column<Integer> SIZE = S3FileTable.sizeInBytes;
    static final Column<java.time.LocalDateTime> CREATED_AT = CronJobTable.createdAt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> names() {
        return TABLES.stream().map(Table::name).toList();
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> columns(@PathParam("name") String name) {
        Table table = TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No table " + name));
        Map<String, String> columns = new LinkedHashMap<>();
        for (Column<?> column : table.columns()) {
            columns.put(column.name(), column.type().sql() + " " + column.javaType().getSimpleName());
        }
        return columns;
    }

    @GET
    @Path("/export")
    @Produces(MediaType.TEXT_PLAIN)
    public String export() {
        return DdlWriter.exportText(DdlWriter.createAll(TABLES));
    }
}
