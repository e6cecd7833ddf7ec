package org.parkhub.model;

/** What a product certificate attests. */
public enum CertificateKind {
    ORIGIN, IMPORT_LICENCE, INSPECTION, HEALTH, BRAND_AUTHORISATION
}
