package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.importing.ImportError;
import dev.workspace.mfa.admin.importing.ImportReader;
import dev.workspace.mfa.admin.importing.ImportResult;
import dev.workspace.mfa.admin.importing.PeopleImport;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code /admin/import}: one file in, the counts and the lines left out back. */
@Named
@RequestScoped
public class ImportBean {

    @Inject
    private PeopleImport peopleImport;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private UploadedFile file;
    private ImportResult result;

    public void importFile() throws IOException {
        if (file == null || file.getSize() == 0) {
            Messages.error(facesContext, "import:file", "import.noFile");
            facesContext.getExternalContext().setResponseStatus(400);
            return;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toLowerCase(Locale.ROOT);
        ImportReader.Format format = name.endsWith(".json") ? ImportReader.Format.JSON
                : name.endsWith(".csv") || name.endsWith(".txt") ? ImportReader.Format.CSV : null;
        if (format == null) {
            Messages.error(facesContext, "import:file", "import.badType");
            facesContext.getExternalContext().setResponseStatus(400);
            return;
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            result = peopleImport.importPeople(format, reader,
                    clientAddress.client((HttpServletRequest) facesContext.getExternalContext().getRequest()));
        }
        Messages.info(facesContext, "import.done", result.created(), result.updated(),
                result.errors().size() + result.moreErrors());
    }

    public String reason(ImportError error) {
        return ImportMessages.text(error);
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportResult getResult() {
        return result;
    }
}
