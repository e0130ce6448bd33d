package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.people.PeopleDirectory;
import dev.workspace.mfa.admin.people.PeopleQuery;
import dev.workspace.mfa.admin.people.Person;
import dev.workspace.mfa.admin.people.PersonPage;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The people table's rows, one page at a time from {@link PeopleDirectory}: the table never loads more than a page.
 */
class PeopleLazyModel extends LazyDataModel<Person> {

    private final PeopleDirectory directory;
    private final Filters filters;
    /** The page shown, for row lookups; not worth moving to another node with the session. */
    private transient PersonPage lastPage;

    /** The table's filters as the page holds them; kept with the view, so it moves with a replicated session. */
    interface Filters extends Supplier<PeopleQuery>, Serializable {
    }

    PeopleLazyModel(PeopleDirectory directory, Filters filters) {
        this.directory = directory;
        this.filters = filters;
    }

    /** Only counts; {@link #load} fetches the page with its own count, so rows and total agree. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, directory.count(filters.get()));
    }

    @Override
    public List<Person> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        lastPage = directory.find(query(first, pageSize, sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, lastPage.total()));
        return lastPage.items();
    }

    @Override
    public String getRowKey(Person person) {
        return Long.toString(person.id());
    }

    @Override
    public Person getRowData(String rowKey) {
        return lastPage == null ? null : lastPage.items().stream()
                .filter(person -> Long.toString(person.id()).equals(rowKey)).findFirst().orElse(null);
    }

    private PeopleQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        PeopleQuery f = filters.get();
        PeopleQuery.Sort sort = PeopleQuery.Sort.EMAIL;
        boolean descending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = switch (meta.getField()) {
                case "name" -> PeopleQuery.Sort.NAME;
                case "created" -> PeopleQuery.Sort.CREATED;
                case "lastSignIn" -> PeopleQuery.Sort.LAST_SIGN_IN;
                default -> PeopleQuery.Sort.EMAIL;
            };
            descending = meta.getOrder() == SortOrder.DESCENDING;
        }
        int size = Math.max(1, pageSize);
        return new PeopleQuery(f.text(), f.role(), f.group(), f.twoFactor(), f.method(), f.locked(), f.active(), f.policyState(), sort,
                descending, first / size, size);
    }
}
