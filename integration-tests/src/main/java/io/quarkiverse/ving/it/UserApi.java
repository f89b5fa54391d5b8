package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.eq;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

import io.quarkiverse.ving.record.DescribeOptions;
import io.quarkiverse.ving.record.FindOptions;
import io.quarkiverse.ving.record.ListParams;
import io.quarkiverse.ving.record.Ouch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import ving.drizzle.schema.APIKeyTable;
import ving.drizzle.schema.UserTable;
import ving.record.APIKeys;
import ving.record.User;
import ving.record.Users;

/**
 * Users served in ving's REST shape ({@code /api/v1/users}), every answer a permission-aware description: what a
 * ving application's generated service does, on the record layer. Who asks is the user of the API key in {@code
 * Authorization: Bearer <privateKey>} (ving's services also take a session cookie); without one, a visitor.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserApi {

    @Inject
    Users users;

    @Inject
    APIKeys apikeys;

    @Context
    UriInfo uri;

    /** The user the bearer key belongs to; null for no key; an Ouch 401 for a key nobody has. */
    private Uni<User> currentUser(String authorization) {
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        String key = authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()).strip() : "";
        return apikeys.findOne(eq(APIKeyTable.privateKey, key))
                .onItem().ifNull().failWith(() -> new Ouch(Ouch.UNAUTHORIZED, "The API key is not valid.", "Authorization"))
                .chain(apikey -> apikey.parent("user")).map(User.class::cast);
    }

    private DescribeOptions describeOptions(User user) {
        return DescribeOptions.fromQuery(user, uri.getQueryParameters()::getFirst);
    }

    @GET
    public Uni<Map<String, Object>> list(@HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> {
            Map<String, Object> params = new java.util.HashMap<>();
            for (String key : new String[] { "page", "itemsPerPage", "maxItems", "sortBy", "sortOrder" }) {
                String value = uri.getQueryParameters().getFirst(key);
                if (value != null) {
                    params.put(key, value);
                }
            }
            ListParams list = ListParams.from(params).describedWith(describeOptions(user));
            return users.describeList(list, null);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> create(Map<String, Object> body, @HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> users.createAndVerify(body, user)
                .chain(created -> created.describe(describeOptions(user))));
    }

    /** ving's {@code users/options}: every enum and boolean prop's options, as the form to create a user shows them. */
    @GET
    @Path("/options")
    public Uni<Map<String, ?>> options(@HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> users.mint().propOptions(DescribeOptions.as(user), true));
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> read(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> users.findOrDie(id).chain(found -> found.describe(describeOptions(user))));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> update(@PathParam("id") String id, Map<String, Object> body,
            @HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> users.findOrDie(id)
                .call(found -> found.canEdit(user))
                .call(found -> found.updateAndVerify(body, user))
                .chain(found -> found.describe(describeOptions(user))));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        return currentUser(authorization).chain(user -> users.findOrDie(id)
                .call(found -> found.canEdit(user))
                .call(User::delete)
                .chain(found -> found.describe(describeOptions(user))));
    }

    /** Every user the asker may see, described one by one as they stream from the database, one JSON line each. */
    @GET
    @Path("/export")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Map<String, Object>> export(@HeaderParam("Authorization") String authorization) {
        // a Multi carries no null: a visitor is an empty Optional
        return Multi.createFrom().uni(currentUser(authorization).map(Optional::ofNullable))
                .concatMap(user -> {
                    DescribeOptions options = describeOptions(user.orElse(null));
                    return users.findAll(null, FindOptions.orderBy(UserTable.id))
                            .onItem().transformToUniAndConcatenate(found -> found.describe(options));
                });
    }
}
