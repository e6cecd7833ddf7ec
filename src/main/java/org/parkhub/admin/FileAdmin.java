package org.parkhub.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.ingest.file.InboxLayout;

/**
 * {@code /api/v1/admin/files}: the files firms sent (FTP and remote sources), newest first, with their
 * progress while they are processed (rows done of about how many) and their accepted and rejected counts;
 * {@code /files/{id}/receipt} downloads the receipt the firm got.
 */
public class FileAdmin {

    private static final int MAX_LIST = 500;
    private final InboundFiles files;
    private final InboxLayout homes;

    public FileAdmin(InboundFiles files, InboxLayout homes) {
        this.files = files;
        this.homes = homes;
    }

    /** {@code GET ?participant=&before=&limit=}. */
    public void list(Exchange exchange) {
        try {
            int limit = QueryParameters.limit(exchange, 100, MAX_LIST);
            List<InboundFiles.FileRow> rows = files.recent(QueryParameters.text(exchange, "participant").orElse(null),
                    QueryParameters.time(exchange, "before").orElse(null), limit);
            HttpReply.answer(exchange, 200, "files", Map.of("files", rows));
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** {@code GET /{id}/receipt}: the receipt file as the firm got it (its encoding, its format). */
    public void receipt(Exchange exchange) throws IOException {
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<InboundFiles.FileRow> file = files.byId(id);
        if (file.isEmpty()) {
            Problem.of(404, "not-found", "No such file", "no inbound file " + id).writeTo(exchange);
            return;
        }
        Path receipts = homes.receipts(file.get().participant()).toAbsolutePath().normalize();
        Path receipt = file.get().receiptName() == null ? null : receipts.resolve(file.get().receiptName()).normalize();
        if (receipt == null || !receipt.startsWith(receipts) || !Files.isRegularFile(receipt)) {
            Problem.of(404, "no-receipt", "No receipt", file.get().receiptName() == null
                    ? "the file is still being processed" : "the receipt is no longer in the firm's receipts folder")
                    .writeTo(exchange);
            return;
        }
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, receipt.toString().endsWith(".xml") ? "application/xml" : "text/csv");
        out.setHeader("Content-Disposition", ContentDisposition.attachment(receipt.getFileName().toString()));
        out.setHeader("Content-Length", Files.size(receipt));
        out.setBody(Files.newInputStream(receipt));
    }
}
