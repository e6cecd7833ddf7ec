package org.parkhub.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A movement of goods in a warehouse. {@code qty} is signed only for ADJUST; {@code ebcCode} is the
 * merchant owning the goods; bonded stock carries its account book ({@code emsNo}, {@code itemRecordNo}).
 */
@DocumentIdentity(value = {"warehouseCode", "reference", "sku", "batchNo", "kind"},
        why = "a warehouse names a movement by its own reference (the receipt, pick list or adjustment number); one reference moves several SKUs, batches and kinds, each a document of its own. A movement sent without a reference is one document per warehouse, SKU, batch and kind: send references to keep separate movements apart")
@XmlRootElement(name = "stockMovement")
public record StockMovement(
        @NotBlank @Size(max = 32) @Pattern(regexp = Formats.IDENTIFIER) String warehouseCode,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = Formats.IDENTIFIER) String sku,
        @NotBlank @Size(max = 64) @Pattern(regexp = Formats.IDENTIFIER) String batchNo,
        @NotNull @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty,
        @NotNull @Code(CodeList.UNIT) String unit,
        @NotNull MovementKind kind,
        @Size(max = 30) @Pattern(regexp = Formats.IDENTIFIER) String emsNo,
        @Size(max = 50) @Pattern(regexp = Formats.IDENTIFIER) String itemRecordNo,
        @Size(max = 100) String reference,
        @NotNull OffsetDateTime occurredAt) {
}
