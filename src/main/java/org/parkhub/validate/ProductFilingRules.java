package org.parkhub.validate;

import java.time.Clock;
import java.time.LocalDate;

import org.parkhub.model.Certificate;
import org.parkhub.model.ProductFiling;

/** Product filing rules: a real barcode, certificates whose dates make sense. */
public final class ProductFilingRules implements BusinessRules<ProductFiling> {

    private final Clock clock;

    public ProductFilingRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<ProductFiling> type() {
        return ProductFiling.class;
    }

    @Override
    public void check(ProductFiling product, Findings findings) {
        if (product.barcode() != null && !Gtin.isValid(product.barcode())) {
            findings.error("barcode", "BARCODE_CHECK_DIGIT", "is not a GTIN with a valid check digit");
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < product.certificates().size(); i++) {
            Certificate certificate = product.certificates().get(i);
            String path = "certificates[" + i + "]";
            if (certificate.issuedOn().isAfter(today)) {
                findings.error(path + ".issuedOn", "TIME_IN_FUTURE", "a certificate cannot be issued in the future");
            }
            if (certificate.validUntil() != null) {
                if (certificate.validUntil().isBefore(certificate.issuedOn())) {
                    findings.error(path + ".validUntil", "CERTIFICATE_DATES", "ends before it was issued");
                } else if (certificate.validUntil().isBefore(today)) {
                    findings.warning(path + ".validUntil", "CERTIFICATE_EXPIRED", "expired on " + certificate.validUntil());
                }
            }
        }
    }
}
