package dev.workspace.mfa.core.delivery;

/** PLACEHOLDER until the delivery branch is merged. */
public record OutgoingMessage(Channel channel, String to, String subject, String text, String html) {
    public enum Channel { EMAIL, SMS }
}
