package dev.workspace.mfa.it;

import dev.workspace.mfa.core.totp.Totp;

/**
 * An authenticator app's codes as a story types them: each of a later time step than any typed before, waiting for the
 * phone's next code when needed, since the server refuses a step it has already accepted.
 */
final class PhoneCodes {

    private long lastUsedStep;

    String next(byte[] secret) throws InterruptedException {
        long step;
        while ((step = Totp.STANDARD.step(System.currentTimeMillis() / 1000)) <= lastUsedStep) {
            Thread.sleep(500);
        }
        lastUsedStep = step;
        return Totp.STANDARD.code(secret, step);
    }
}
