package io.quarkiverse.ving.it;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.ving.record.Ouch;

/**
 * ving's errors as HTTP answers, with ving's code in the body: 401, 403, 404 and 409 as they are, 400 for a value the
 * schema refuses (ving's 441 and 442).
 */
public class OuchMapper {

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> map(Ouch ouch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", ouch.code());
        body.put("message", ouch.getMessage());
        body.put("field", ouch.field());
        // ving's own codes for a value that does not fit (441, 442) are no HTTP statuses: those are a bad request
        int status = switch (ouch.code()) {
            case Ouch.UNAUTHORIZED, Ouch.FORBIDDEN, Ouch.NOT_FOUND, Ouch.CONFLICT -> ouch.code();
            default -> Response.Status.BAD_REQUEST.getStatusCode();
        };
        return RestResponse.status(Response.Status.fromStatusCode(status), body);
    }
}
