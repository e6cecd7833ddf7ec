package org.parkhub.customs;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.parkhub.customs.ceb.BaseTransfer;
import org.parkhub.model.CodeList;

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

    static String canonical(CodeList list, String customsCode, String field) throws CustomsXmlException {
        return list.fromCustomsCode(customsCode == null ? "" : customsCode.strip()).orElseThrow(() ->
                new CustomsXmlException(field + " " + customsCode + " is not a customs code parkhub knows"));
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

    static BaseTransfer baseTransfer(CebTransfer transfer) {
        BaseTransfer base = new BaseTransfer();
        base.setCopCode(transfer.copCode());
        base.setCopName(transfer.copName());
        base.setDxpMode("DXP");
        base.setDxpId(transfer.dxpId());
        return base;
    }
}
