package org.parkhub.customs;

/**
 * Signs a customs declaration before it leaves the hub: declared messages ({@code appStatus} 2) of
 * CEB621/623/625/711 carry an XML-DSig {@code ds:Signature} as the last child of the root. The key belongs
 * to the declaring firm (often on its own certificate device), so the signer is plugged in per firm.
 */
@FunctionalInterface
public interface CebSigner {

    /** The message with its enveloped signature appended. */
    String sign(String xml) throws CustomsXmlException;
}
