package dev.workspace.mfa.core.recovery;


import java.io.Serializable;
import java.util.List;

/**
 * New recovery codes being shown to the person, not stored yet. The old codes keep working until
 * {@link RecoveryCodeService#replace} stores these in their place, so a person who leaves before saving the
 * new ones is not left with no working codes.
 *
 * @param codes the ten new codes, in the grouped form people read
 */
public record RecoveryCodeRenewal(long userId, List<String> codes) implements Serializable {

    public RecoveryCodeRenewal {
        if (codes.size() != RecoveryCodes.COUNT) {
            throw new IllegalArgumentException("a renewal holds " + RecoveryCodes.COUNT + " codes");
        }
        codes = List.copyOf(codes);
    }
}
