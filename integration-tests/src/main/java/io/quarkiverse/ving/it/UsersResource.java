package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.like;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

import io.quarkiverse.ving.record.FindOptions;
import io.quarkiverse.ving.record.Ouch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import ving.drizzle.schema.UserTable;
import ving.record.User;
import ving.record.Users;

/**
 * Users over HTTP, the way a ving application serves a kind: create, read, update and delete through the record API,
 * counts, {@code findAll} streamed as newline-delimited JSON, and a read through Hibernate Reactive. Each user shows
 * its public props; errors are ving's {@link Ouch}es ({@link OuchMapper}).
 */
@Path("/users")
public class UsersResource {

    @Inject
    Users users;

    /** Looked up when used: an application run without a database switches Hibernate off (GeneratedTablesTest). */
    @Inject
    Instance<Mutiny.SessionFactory> sessions;

    @GET
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<User> stream(@QueryParam("realName") @DefaultValue("%") String realName) {
        return users.findAll(like(UserTable.realName, realName), FindOptions.orderBy(UserTable.id));
    }

    @GET
    @Path("/count")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<Long> count(@QueryParam("realName") @DefaultValue("%") String realName) {
        return users.count(like(UserTable.realName, realName));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<User>> create(Map<String, Object> props) {
        return users.create(props).map(user -> RestResponse.ResponseBuilder.<User> created(URI.create("/users/" + user.getId()))
                .entity(user).build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<User> read(@PathParam("id") long id) {
        return users.findOrDie(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<User> update(@PathParam("id") long id, Map<String, Object> props) {
        return users.findOrDie(id).chain(user -> user.setAll(props).update());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") long id) {
        return users.findOrDie(id).chain(User::delete);
    }

    /** The same user, loaded by Hibernate Reactive: the record class is also an entity. */
    @GET
    @Path("/{id}/hibernate")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<User> readThroughHibernate(@PathParam("id") long id) {
        return sessions.get().withSession(session -> session.find(User.class, id))
                .onItem().ifNull().failWith(() -> new Ouch(Ouch.NOT_FOUND, "User not found.", "id"));
    }
}
