package dev.workspace.mfa.admin.groups;

import java.io.Serializable;

/** A group and how many people are in it. */
public record Group(String name, long members) implements Serializable {
}
