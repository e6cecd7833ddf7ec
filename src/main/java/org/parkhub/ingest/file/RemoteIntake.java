package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.model.Channel;

/**
 * Takes a file a remote-source route fetched (the firm's own server or a watched directory): stores it in the
 * participant's inbox folder, processes it like an upload, and hands back its receipt for the route to write
 * to the firm's receipts folder.
 */
public class RemoteIntake {

    public static final String PARTICIPANT = "parkhubParticipant";
    public static final String FOLDER = "parkhubFolder";

    private final InboxLayout layout;
    private final FileIngress ingress;

    public RemoteIntake(InboxLayout layout, FileIngress ingress) {
        this.layout = layout;
        this.ingress = ingress;
    }

    public void take(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String participant = message.getHeader(PARTICIPANT, String.class);
        InboxLayout.Folder folder = InboxLayout.Folder.byName(message.getHeader(FOLDER, String.class)).orElseThrow();
        String name = Path.of(message.getHeader(Exchange.FILE_NAME_ONLY, String.class)).getFileName().toString();
        Path inbox = layout.inbox(participant, folder);
        Path partial = inbox.resolveSibling(InboxLayout.fitted("." + name, ".fetching"));
        try (InputStream in = message.getMandatoryBody(InputStream.class)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("the fetched file has no content", e);
        }
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // taken by the inbox sweep in the meantime: its receipt will have the usual name
        String receiptName = ingress.process(new InboxFile(participant, folder, name), Channel.FILE)
                .orElse(InboxLayout.receiptName(name));
        message.setBody(layout.receipts(participant).resolve(receiptName).toFile());
        message.setHeader(Exchange.FILE_NAME, receiptName);
    }
}
