package dev.workspace.mfa.admin.importing;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.audit.Client;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs outside a transaction: each line is written by {@link ImportedPersonWriter} in one of its own. */
@Stateless
@RolesAllowed({"admin", "owner"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PeopleImportBean implements PeopleImport {

    private static final Logger LOG = Logger.getLogger(PeopleImportBean.class.getName());

    @Inject
    private ImportedPersonWriter writer;

    @Override
    public ImportResult importPeople(ImportReader.Format format, Reader file, Client client) {
        int created = 0;
        int updated = 0;
        int moreErrors = 0;
        List<ImportError> errors = new ArrayList<>();
        ImportReader reader = ImportReader.of(format, file);
        while (reader.hasNext()) {
            ImportReader.Item item = reader.next();
            ImportError error = item.error();
            if (error == null) {
                try {
                    if (writer.write(item.person(), client)) {
                        created++;
                    } else {
                        updated++;
                    }
                } catch (ImportLineRefusedException e) {
                    error = new ImportError(item.person().line(), e.problem().name(), null);
                } catch (AccountRejectedException e) {
                    error = new ImportError(item.person().line(), e.reason().name(), null);
                } catch (AdminActionRefusedException e) {
                    error = new ImportError(item.person().line(), e.reason().name(), null);
                } catch (EJBException e) {
                    LOG.log(Level.WARNING, "Import line " + item.person().line() + " failed", e);
                    error = new ImportError(item.person().line(), ImportProblem.NOT_SAVED.name(), null);
                }
            }
            if (error != null) {
                if (errors.size() < ImportResult.MAX_ERRORS) {
                    errors.add(error);
                } else {
                    moreErrors++;
                }
            }
        }
        return new ImportResult(created, updated, List.copyOf(errors), moreErrors);
    }
}
