package dev.workspace.mfa.admin.adoption;

import java.io.Serializable;
import java.time.LocalDate;

/** How many people turned 2FA on in the week starting on {@code monday} (in the workspace's time zone). */
public record WeeklyEnrollments(LocalDate monday, long count) implements Serializable {
}
