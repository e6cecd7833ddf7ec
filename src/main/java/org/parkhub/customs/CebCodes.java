package org.parkhub.customs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.parkhub.customs.ceb.BaseTransfer;
import org.parkhub.model.CodeList;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;

/** What every CEB mapping shares: code translation, the customs time formats, guids, BaseTransfer. */
final class CebCodes {

    /** {@code appTime}, {@code payTime}: yyyyMMddHHmmss in the park's time zone. */
    static final DateTimeFormatter TIME14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    /** {@code returnTime}: yyyyMMddHHmmssSSS. */
    static final DateTimeFormatter TIME17 = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

    private CebCodes() {
    }

    static String customs(CodeList list, String code) {
        return list.customsCode(code).orElseThrow(() ->
                new IllegalArgumentException("no customs code for " + code + " in the " + list + " code list"));
    }

    /**
     * The canonical code for a customs code. One the park's list lacks stays as written: validation then refuses
     * that business node alone, naming the field and the code, and the document's other nodes go on.
     */
    static String canonical(CodeList list, String customsCode) {
        return customsCode == null ? null : list.fromCustomsCode(customsCode.strip()).orElse(customsCode);
    }

    static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static String format(OffsetDateTime time, DateTimeFormatter format, ZoneId zone) {
        return time.atZoneSameInstant(zone).format(format);
    }

    static OffsetDateTime parse(String text, DateTimeFormatter format, ZoneId zone, String field)
            throws CustomsXmlException {
        try {
            return LocalDateTime.parse(text == null ? "" : text.strip(), format).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new CustomsXmlException(field + " '" + text + "' is not a customs time", e);
        }
    }

    static int status(String text, String field) throws CustomsXmlException {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new CustomsXmlException(field + " '" + text + "' is not a status number", e);
        }
    }

    /** What each head of a document does to its business document, by its {@code appType}, in document order. */
    static List<DocumentAction> actions(List<String> appTypes) throws CustomsXmlException {
        List<DocumentAction> actions = new ArrayList<>(appTypes.size());
        for (int i = 0; i < appTypes.size(); i++) {
            String appType = appTypes.get(i) == null ? "" : appTypes.get(i).strip();
            Optional<DocumentAction> action = DocumentAction.byAppType(appType);
            if (action.isEmpty()) {
                throw new CustomsXmlException("appType '" + appTypes.get(i) + "' of business node " + (i + 1)
                        + " is not 1 (new), 2 (modify) or 3 (delete)");
            }
            actions.add(action.get());
        }
        return actions;
    }

    /** The status, time and reason every receipt node carries, completing a receipt whose keys are set. */
    static CustomsReceipt returned(CustomsReceipt.Builder receipt, String returnStatus, String returnTime, String returnInfo,
            ZoneId zone) throws CustomsXmlException {
        return receipt.status(status(returnStatus, "returnStatus"), parse(returnTime, TIME17, zone, "returnTime"), returnInfo);
    }

    static String day(LocalDate date) {
        return date == null ? null : date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    static LocalDate day(String text, String field) throws CustomsXmlException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new CustomsXmlException(field + " '" + text + "' is not a customs date (yyyyMMdd)", e);
        }
    }

    /** Customs wants names where the canonical model may only have the code. */
    static String nameOr(String name, String code) {
        return name == null ? code : name;
    }

    static BaseTransfer baseTransfer(CebTransfer transfer) {
        BaseTransfer base = new BaseTransfer();
        base.setCopCode(transfer.copCode());
        base.setCopName(transfer.copName());
        base.setDxpMode("DXP");
        base.setDxpId(transfer.dxpId());
        return base;
    }
}
