package io.quarkiverse.ving.it;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.ving.record.Ouch;

/** ving's errors as HTTP answers: 404 for a record not found, 400 for a value the schema refuses, with ving's code. */
public class OuchMapper {

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> map(Ouch ouch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", ouch.code());
        body.put("message", ouch.getMessage());
        body.put("field", ouch.field());
        Response.Status status = ouch.code() == Ouch.NOT_FOUND ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
        return RestResponse.status(status, body);
    }
}
