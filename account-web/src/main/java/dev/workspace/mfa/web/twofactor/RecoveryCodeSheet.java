package dev.workspace.mfa.web.twofactor;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The "Download" of recovery codes: a .txt named after the issuer, with the account, the date and the codes. */
final class RecoveryCodeSheet {

    private RecoveryCodeSheet() {
    }

    static StreamedContent download(String issuer, String email, LocalDate date, List<String> codes, String heading,
                                    String advice) {
        StringBuilder text = new StringBuilder()
                .append(heading).append("\r\n")
                .append(issuer).append(" · ").append(email).append(" · ").append(date).append("\r\n\r\n");
        codes.forEach(code -> text.append(code).append("\r\n"));
        text.append("\r\n").append(advice).append("\r\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String fileName = issuer.replaceAll("[^A-Za-z0-9._-]+", "-") + "-recovery-codes.txt";
        return DefaultStreamedContent.builder()
                .name(fileName)
                .contentType("text/plain;charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }
}
