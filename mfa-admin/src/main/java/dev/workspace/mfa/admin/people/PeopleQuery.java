package dev.workspace.mfa.admin.people;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * A filtered, sorted page of people. Every filter is optional (null: any). {@code text} matches email or name,
 * case-insensitively; {@code group} a group name; {@code method} TOTP, EMAIL or SMS; {@code policyState} people
 * without 2FA that the workspace policy requires it of by a deadline ahead, or now.
 */
public record PeopleQuery(String text, String role, String group, Boolean twoFactor, String method, Boolean locked,
                          Boolean active, PolicyState policyState, Sort sort, boolean descending, int page, int size)
        implements Serializable {

    public static final int MAX_SIZE = 200;

    public enum Sort { EMAIL, NAME, CREATED, LAST_SIGN_IN }

    /** Where a person without 2FA stands with the workspace policy. */
    public enum PolicyState {
        IN_GRACE_PERIOD("grace"), PAST_DEADLINE("due");

        private final String parameter;

        PolicyState(String parameter) {
            this.parameter = parameter;
        }

        /** From the parameter the adoption links and the API use: {@code grace} or {@code due}; empty for anything else. */
        public static Optional<PolicyState> ofParameter(String value) {
            return Arrays.stream(values()).filter(state -> state.parameter.equals(value)).findFirst();
        }
    }

    public PeopleQuery {
        sort = sort == null ? Sort.EMAIL : sort;
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
    }

    public static PeopleQuery all(int page, int size) {
        return new PeopleQuery(null, null, null, null, null, null, null, null, Sort.EMAIL, false, page, size);
    }
}
