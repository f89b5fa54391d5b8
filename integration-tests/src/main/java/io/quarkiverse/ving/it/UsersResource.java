package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.like;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

import io.quarkiverse.ving.record.FindOptions;
import io.smallrye.mutiny.Multi;
import ving.drizzle.schema.UserTable;
import ving.record.User;
import ving.record.Users;

/**
 * Users streamed to the client as they are read: {@code findAll} as newline-delimited JSON, one record per line,
 * each showing its public props.
 */
@Path("/users")
public class UsersResource {

    @Inject
    Users users;

    @GET
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<User> stream(@QueryParam("realName") @DefaultValue("%") String realName) {
        return users.findAll(like(UserTable.realName, realName), FindOptions.orderBy(UserTable.id));
    }
}
