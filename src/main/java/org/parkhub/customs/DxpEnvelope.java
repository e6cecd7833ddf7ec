package org.parkhub.customs;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.parkhub.model.HardenedXml;

/**
 * The China E-Port (DXP) terminal envelope {@code DxpMsg}: the business XML travels Base64-encoded in
 * {@code Data}, addressed by {@code TransInfo}. Reading is namespace-aware and prefix-agnostic, and refuses
 * DTDs and external entities.
 */
public final class DxpEnvelope {

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/dxp";
    private static final int MAX_RECEIVERS = 5;

    /** Who sends what to whom: {@code TransInfo}. */
    public record TransInfo(String copMsgId, String senderId, List<String> receiverIds, OffsetDateTime createdAt,
                            String msgType) {

        public TransInfo {
            receiverIds = List.copyOf(receiverIds);
            check(copMsgId, 1, 255, "CopMsgId");
            check(senderId, 1, 16, "SenderId");
            check(msgType, 0, 30, "MsgType");
            if (receiverIds.isEmpty() || receiverIds.size() > MAX_RECEIVERS) {
                throw new IllegalArgumentException("a DXP message has 1 to " + MAX_RECEIVERS + " ReceiverIds");
            }
            receiverIds.forEach(id -> check(id, 1, 16, "ReceiverId"));
            if (createdAt == null) {
                throw new IllegalArgumentException("CreatTime is required");
            }
        }
    }

    /** An envelope's address and the business document it carries. */
    public record Message(TransInfo transInfo, byte[] data) {
    }

    private DxpEnvelope() {
    }

    public static String wrap(Message message) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("dxp", NAMESPACE);
            xml.writeStartElement("dxp", "DxpMsg", NAMESPACE);
            xml.writeNamespace("dxp", NAMESPACE);
            xml.writeAttribute("ver", "1.0");
            TransInfo info = message.transInfo();
            xml.writeStartElement("dxp", "TransInfo", NAMESPACE);
            element(xml, "CopMsgId", info.copMsgId());
            element(xml, "SenderId", info.senderId());
            xml.writeStartElement("dxp", "ReceiverIds", NAMESPACE);
            for (String receiver : info.receiverIds()) {
                element(xml, "ReceiverId", receiver);
            }
            xml.writeEndElement();
            element(xml, "CreatTime", info.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            element(xml, "MsgType", info.msgType());
            xml.writeEndElement();
            element(xml, "Data", Base64.getEncoder().encodeToString(message.data()));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a DXP envelope", e);
        }
    }

    public static Message unwrap(String envelope) throws CustomsXmlException {
        // Data holds a whole customs message in Base64: its text may be as long as a message may be
        XMLInputFactory factory = HardenedXml.inputFactory(CebXml.MAX_DOCUMENT_CHARS * 2);
        String copMsgId = null;
        String senderId = null;
        String createdAt = null;
        String msgType = null;
        String data = null;
        List<String> receivers = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(envelope));
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new CustomsXmlException("DOCTYPE declarations are not accepted");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!NAMESPACE.equals(xml.getNamespaceURI())) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root) {
                    if (!name.equals("DxpMsg")) {
                        throw new CustomsXmlException("not a DXP message: the root element is " + name);
                    }
                    root = false;
                    continue;
                }
                switch (name) {
                    case "CopMsgId" -> copMsgId = xml.getElementText().strip();
                    case "SenderId" -> senderId = xml.getElementText().strip();
                    case "ReceiverId" -> receivers.add(xml.getElementText().strip());
                    case "CreatTime" -> createdAt = xml.getElementText().strip();
                    case "MsgType" -> msgType = xml.getElementText().strip();
                    case "Data" -> data = xml.getElementText();
                    default -> {
                        // AddInfo, Signature: not needed to deliver the document
                    }
                }
            }
            if (root) {
                throw new CustomsXmlException("not a DXP message: no DxpMsg element in " + NAMESPACE);
            }
            if (data == null || createdAt == null) {
                throw new CustomsXmlException("the DXP message has no " + (data == null ? "Data" : "CreatTime"));
            }
            TransInfo info = new TransInfo(copMsgId, senderId, receivers, OffsetDateTime.parse(createdAt), msgType);
            return new Message(info, Base64.getMimeDecoder().decode(data));
        } catch (XMLStreamException e) {
            throw new CustomsXmlException("the DXP message is not well-formed XML: " + e.getMessage(), e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CustomsXmlException("the DXP message is incomplete or invalid: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("dxp", name, NAMESPACE);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void check(String value, int min, int max, String field) {
        if (value == null || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(field + " must have " + min + " to " + max + " characters");
        }
    }
}
