package dev.workspace.mfa.admin.people;

import java.util.Optional;

/** Finding people: the admin console's table and the admin API's list. */
public interface PeopleDirectory {

    /** One page of the people matching the query, with the total; a page costs a handful of indexed queries. */
    PersonPage find(PeopleQuery query);

    /** How many people match the query's filters. */
    long count(PeopleQuery query);

    Optional<Person> person(long id);
}
