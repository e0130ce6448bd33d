package dev.workspace.mfa.admin.importing;

/** What can be wrong with an import file's line, besides the account rules. */
public enum ImportProblem {
    /** The CSV header has no {@code email} column. */
    NO_EMAIL_COLUMN,
    /** A CSV column or JSON field that is not one of the known ones (the detail names it). */
    UNKNOWN_COLUMN,
    /** A CSV line with more fields than the header. */
    TOO_MANY_FIELDS,
    /** A quoted CSV field that never ends. */
    UNCLOSED_QUOTE,
    /** The JSON is not an array of objects, or breaks off (nothing after this point is read). */
    BAD_JSON,
    /** A JSON array item that is not an object. */
    NOT_AN_OBJECT,
    /** A JSON field of the wrong type (the detail names it). */
    BAD_FIELD,
    /** Both a password and a password hash. */
    PASSWORD_AND_HASH,
    /** A password hash that is neither Argon2id (PHC) nor bcrypt ($2a$, $2b$, $2y$). */
    UNSUPPORTED_PASSWORD_HASH,
    /** A password, password hash or TOTP secret for a person who exists already: an import never replaces them. */
    EXISTING_PERSON_CREDENTIALS,
    /** A TOTP secret that is not Base32 of at least 80 bits. */
    BAD_TOTP_SECRET,
    /** The database refused the line, most likely because another line or another admin added the same email meanwhile. */
    NOT_SAVED,
    /** More than {@code ImportedPersonWriter.MAX_GROUPS} groups on one line. */
    TOO_MANY_GROUPS,
    /** A line longer than the limit. */
    LINE_TOO_LONG,
    /** The file holds more lines than one import takes. */
    TOO_MANY_LINES
}
