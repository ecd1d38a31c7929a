package io.karapace.jvm.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.karapace.jvm.proxy.ProxyException;
import io.karapace.jvm.proxy.v3.V3Exception;
import io.karapace.jvm.registry.RegistryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only exception mapper: every failure becomes Confluent's {@code {"error_code", "message"}}
 * with the status Confluent answers, for the registry and the REST proxy alike ({@link NegotiatedType}
 * picks the media type). Failures of asynchronous answers arrive wrapped and are unwrapped first.
 * Anything unexpected is logged once and answered as a bare 500.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = unwrapped(thrown);
        if (failure instanceof RegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        }
        if (failure instanceof ProxyException e) {
            return error(e.error().httpStatus, e.error().errorCode, e.getMessage());
        }
        if (failure instanceof V3Exception e) {
            return error(e.status(), e.errorCode(), e.getMessage());
        }
        if (failure instanceof WebApplicationException e) {
            Response response = e.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            int status = response.getStatus();
            String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                    : "HTTP " + status + " " + response.getStatusInfo().getReasonPhrase();
            return error(status, status, message);
        }
        JsonProcessingException unreadable = unreadableJson(failure);
        if (unreadable != null) {
            return error(400, 400, unreadable.getOriginalMessage());
        }
        if (failure instanceof JsonMappingException e) {
            return error(422, 422, unexpectedJson(e));
        }
        LOG.error("Unhandled error: {}", failure.toString(), failure);
        return error(500, 500, "Internal Server Error");
    }

    /**
     * The failure inside the wrappers of asynchronous answers, and inside the JsonMappingException that
     * Jackson wraps around a failure of the body stream it reads ({@link BodySizeLimit} refusing a
     * streamed body: 413, not 422).
     */
    static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof JsonMappingException && current.getCause() instanceof WebApplicationException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * A body that is not JSON text at all: malformed, not UTF-8 (RFC 8259 section 8.1), or nested deeper
     * than Jackson's StreamReadConstraints allow (1,000). API.md A.1: malformed JSON answers 400 with
     * error_code 400 and the parser's text. Jackson reports the last two from inside a deserializer,
     * wrapped in a JsonMappingException, so the causes are searched too.
     */
    private static JsonProcessingException unreadableJson(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof JsonParseException || current instanceof StreamConstraintsException) {
                return (JsonProcessingException) current;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /** Confluent's error body; also the answer of {@link Drain} to requests arriving during a stop. */
    static Response error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Jackson's reason, with the field it concerns and without our class names. */
    private static String unexpectedJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        String reason = e.getOriginalMessage().replaceAll(" \\(token `?JsonToken\\.\\w+`?\\)", "")
                .replaceAll("`?(?:[a-z][a-z0-9]*\\.)+([A-Z]\\w*)`?", "$1");
        return "Unrecognized JSON" + (field.isEmpty() ? "" : " in field '" + field + "'") + ": " + reason;
    }
}
