package org.parkhub.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebSignatures;
import org.parkhub.customs.CebXml;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.customs.DxpEnvelope;
import org.parkhub.journal.SignedDocument;

/**
 * A customs document as every channel takes it in: read into items, each with what its head says it does, and its
 * signature checked. A signed document is kept as evidence; a signature that does not verify is a warning on every
 * item, or a refusal of the document where the park asks for verified signatures ({@code ceb.verify-signatures}).
 */
public final class CebReading {

    /** The document's items, and the document itself when it is signed. */
    public record Read(CebDocuments.Content content, List<ParsedItem> items, Optional<SignedDocument> signed) {
    }

    private final ZoneId zone;
    private final boolean verifySignatures;

    public CebReading(ZoneId zone, boolean verifySignatures) {
        this.zone = zone;
        this.verifySignatures = verifySignatures;
    }

    /** A customs message, or one in the DXP envelope the China E-Port delivers it in. */
    public Read read(String text) throws CustomsXmlException {
        String xml = "DxpMsg".equals(CebXml.rootName(text)) ? unwrapped(text) : text;
        CebDocuments.Content content = CebDocuments.read(xml, zone);
        List<ParsedItem> items = new ArrayList<>(content.payloads().size());
        for (int i = 0; i < content.payloads().size(); i++) {
            items.add(ParsedItem.ok(i, content.payloads().get(i), content.actions().get(i)));
        }
        // most documents carry no signature: only those naming XML-DSig's namespace are parsed again to check one
        CebSignatures.Verdict verdict = xml.contains("http://www.w3.org/2000/09/xmldsig#") ? CebSignatures.verify(xml)
                : new CebSignatures.Verdict(CebSignatures.Status.NONE, null);
        if (verdict.status() == CebSignatures.Status.NONE) {
            return new Read(content, items, Optional.empty());
        }
        if (verdict.status() == CebSignatures.Status.INVALID && verifySignatures) {
            throw new CustomsXmlException("the document's signature does not verify: " + verdict.reason()
                    + "; this park takes signed customs documents only when their signature verifies");
        }
        return new Read(content, items, Optional.of(new SignedDocument(sha256(xml), xml, verdict.status().name(),
                verdict.reason())));
    }

    /** The message a DXP envelope carries in {@code Data}: bytes, whose encoding the message itself says. */
    private static String unwrapped(String envelope) throws CustomsXmlException {
        try {
            String xml = XmlText.decode(DxpEnvelope.unwrap(envelope).data(), Optional.empty());
            return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        } catch (MalformedInputException e) {
            throw new CustomsXmlException("the DXP envelope's Data is not a customs message: " + e.getMessage(), e);
        }
    }

    private static String sha256(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
