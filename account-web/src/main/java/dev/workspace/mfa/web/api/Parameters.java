package dev.workspace.mfa.web.api;

/** Query parameters read strictly: a bad value is a 400 that says what is expected. */
final class Parameters {

    private Parameters() {
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("bad_parameter", "\"" + name + "\" is a whole number from " + min + " to " + max + ".");
    }

    static Boolean flag(String name, String value, String yes, String no) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals(yes) || value.equals(no)) {
            return value.equals(yes);
        }
        throw ApiError.badRequest("bad_parameter", "\"" + name + "\" is " + yes + " or " + no + ".");
    }
}
