package dev.workspace.mfa.admin.people;

import java.io.Serializable;
import java.util.List;

/** One page of people and how many match in all. */
public record PersonPage(long total, List<Person> items) implements Serializable {
}
