package org.parkhub.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A carrier tracking event for a waybill; a customs sign-for (CEB513) carries no location. */
@DocumentIdentity(value = {"logisticsCode", "logisticsNo", "status", "occurredAt"},
        why = "a parcel passes each status once at a time: the same status at another time is another event")
@XmlRootElement(name = "shipmentEvent")
public record ShipmentEvent(
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotNull ShipmentStatus status,
        @Size(max = 200) String location,
        @NotNull OffsetDateTime occurredAt,
        @Size(max = 1000) String note) {
}
