package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * What the recovery-codes panel (WEB-INF/includes/recovery-codes.xhtml) does for the bean behind it: the "Download"
 * file, a .txt named after the issuer with the account, the date and the codes, and the check that the person
 * ticked "I have saved my recovery codes".
 */
final class RecoveryCodeSheet {

    private RecoveryCodeSheet() {
    }

    static StreamedContent download(FacesContext context, String issuer, String email, LocalDate date, List<String> codes) {
        StringBuilder text = new StringBuilder()
                .append(Messages.text(context, "codes.file.heading")).append("\r\n")
                .append(issuer).append(" · ").append(email).append(" · ").append(date).append("\r\n\r\n");
        codes.forEach(code -> text.append(code).append("\r\n"));
        text.append("\r\n").append(Messages.text(context, "codes.file.advice")).append("\r\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String fileName = issuer.replaceAll("[^A-Za-z0-9._-]+", "-") + "-recovery-codes.txt";
        return DefaultStreamedContent.builder()
                .name(fileName)
                .contentType("text/plain;charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    /** False, with a message and a 400, when the acknowledgement is missing; the server never relies on the script. */
    static boolean acknowledged(FacesContext context, boolean saved) {
        if (!saved) {
            Messages.error(context, null, "codes.acknowledge.required");
            context.getExternalContext().setResponseStatus(400);
        }
        return saved;
    }
}
