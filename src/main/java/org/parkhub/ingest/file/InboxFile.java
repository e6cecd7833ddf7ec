package org.parkhub.ingest.file;

/** A file a participant dropped into one of its inbox folders. */
public record InboxFile(String participantId, InboxLayout.Folder folder, String name) {
}
