package dev.workspace.mfa.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/** Request bodies read strictly: an object, only the known fields, each of its type; anything else is a 400. */
final class JsonBodies {

    /** Bodies larger than this are refused before parsing. */
    static final int MAX_BODY_CHARS = 64 * 1024;

    private JsonBodies() {
    }

    static JsonObject object(String body, Set<String> allowedFields) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("bad_body", "A JSON object is required.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ApiError(413, "too_large", "The body is too large.");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ApiError.badRequest("bad_json", "The body is not valid JSON.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.badRequest("bad_body", "A JSON object is required.");
        }
        JsonObject object = value.asJsonObject();
        for (String field : object.keySet()) {
            if (!allowedFields.contains(field)) {
                throw ApiError.badRequest("unknown_field", "Unknown field \"" + shorten(field) + "\".");
            }
        }
        return object;
    }

    static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(field, "a string");
        }
        return ((JsonString) value).getString();
    }

    static Boolean bool(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw wrongType(field, "true or false");
    }

    /** A whole number from 0 to {@code max}. */
    static Integer count(JsonObject object, String field, int max) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigIntegerValue().signum() >= 0
                && number.bigIntegerValue().compareTo(BigInteger.valueOf(max)) <= 0) {
            return number.intValue();
        }
        throw wrongType(field, "a whole number from 0 to " + max);
    }

    static List<String> strings(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(field, "an array of strings");
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > 100 || array.stream().anyMatch(item -> item.getValueType() != JsonValue.ValueType.STRING)) {
            throw wrongType(field, "an array of at most 100 strings");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static ApiError wrongType(String field, String expected) {
        return ApiError.badRequest("bad_field", "\"" + field + "\" must be " + expected + ".");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
