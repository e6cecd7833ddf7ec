package org.parkhub.customs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.parkhub.model.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks the XML-DSig signature a customs document carries: that the document is unchanged since the holder of the
 * certificate in its {@code KeyInfo} signed it. Whether that certificate is the firm's own is customs' check against
 * its registration, not the hub's. Only the shape customs uses is checked: one enveloped signature over the whole
 * document (reference {@code ""}), enveloped and canonicalisation transforms, RSA or ECDSA; anything else (an
 * external reference, an XSLT transform) is refused unread, as it is an attack path.
 */
public final class CebSignatures {

    public enum Status {
        /** The document carries no signature. */
        NONE,
        /** The signature verifies with the key of the certificate it carries. */
        VALID,
        /** A signature is there and does not verify, or cannot be checked: {@link Verdict#reason()} says which. */
        INVALID
    }

    public record Verdict(Status status, String reason) {

        static Verdict invalid(String reason) {
            return new Verdict(Status.INVALID, reason);
        }
    }

    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA1, SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA512);
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    private CebSignatures() {
    }

    public static Verdict verify(String xml) {
        Document document;
        try {
            document = HardenedXml.dom(xml);
        } catch (SAXException | IOException e) {
            return Verdict.invalid("the document cannot be read to check its signature: " + e.getMessage());
        }
        List<Element> signatures = new ArrayList<>();
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XMLSignature.XMLNS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                signatures.add(e);
            }
        }
        if (signatures.isEmpty()) {
            return new Verdict(Status.NONE, null);
        }
        if (signatures.size() > 1) {
            return Verdict.invalid("the document carries " + signatures.size() + " signatures; customs documents carry one");
        }
        // read before the JDK does: it cannot even read a signature in an algorithm it lacks (SM2)
        Node method = signatures.get(0).getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureMethod").item(0);
        String algorithm = method instanceof Element m ? m.getAttribute("Algorithm") : "";
        if (!SIGNATURE_METHODS.contains(algorithm)) {
            return Verdict.invalid("signed with '" + algorithm + "', which the hub cannot check (customs checks SM2/SM3)");
        }
        try {
            X509Certificate certificate = certificate(signatures.get(0));
            if (certificate == null) {
                return Verdict.invalid("the signature carries no X509Certificate to check it with");
            }
            DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(certificate.getPublicKey()),
                    signatures.get(0));
            // the e-port's RSA-SHA1 is outside the JDK's secure-validation policy; the shape check below stands in
            // for it: no external references, no transforms but enveloped and canonicalisation
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            String refused = shape(signature);
            if (refused != null) {
                return Verdict.invalid(refused);
            }
            if (!signature.getSignatureValue().validate(context)) {
                return Verdict.invalid("the signature value does not match the key of the certificate it carries ("
                        + certificate.getSubjectX500Principal().getName() + ")");
            }
            Reference reference = signature.getSignedInfo().getReferences().get(0);
            if (!reference.validate(context)) {
                return Verdict.invalid("the document was changed after it was signed (its digest differs)");
            }
            return new Verdict(Status.VALID, "signed by " + certificate.getSubjectX500Principal().getName());
        } catch (MarshalException | XMLSignatureException | CertificateException e) {
            return Verdict.invalid("the signature cannot be checked: " + e.getMessage());
        }
    }

    private static String shape(XMLSignature signature) {
        List<Reference> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1 || !"".equals(references.get(0).getURI())) {
            return "the signature must cover the whole document (one reference, URI \"\")";
        }
        for (Object transform : references.get(0).getTransforms()) {
            String algorithm = ((Transform) transform).getAlgorithm();
            if (!TRANSFORMS.contains(algorithm)) {
                return "the signature uses the transform " + algorithm + ", which customs documents do not";
            }
        }
        return null;
    }

    private static X509Certificate certificate(Element signature) throws CertificateException {
        Node der = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate").item(0);
        if (der == null) {
            return null;
        }
        byte[] bytes = Base64.getMimeDecoder().decode(der.getTextContent().strip());
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }
}
