package org.parkhub.customs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.parkhub.model.HardenedXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Signs with an RSA key from a PKCS#12 key store: enveloped signature over the whole message, inclusive
 * canonicalisation, RSA-SHA1 and SHA-1 digests (the algorithms the e-port accepts besides SM2/SM3), and
 * the certificate in {@code KeyInfo} so customs can check it against the firm's registration.
 */
public final class KeyStoreCebSigner implements CebSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");

    private KeyStoreCebSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    public static KeyStoreCebSigner load(Path keyStore, char[] password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(alias, password) instanceof PrivateKey key)
                    || !(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new IOException("key store " + keyStore + " has no private key and certificate under '" + alias + "'");
            }
            return new KeyStoreCebSigner(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the signing key from " + keyStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String sign(String xml) throws CustomsXmlException {
        try {
            Document document = parse(xml);
            Reference reference = signatures.newReference("", signatures.newDigestMethod(DigestMethod.SHA1, null),
                    List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
            SignedInfo signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(SignatureMethod.RSA_SHA1, null), List.of(reference));
            KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(
                    keyInfos.newKeyName(serial(certificate.getSerialNumber())),
                    keyInfos.newX509Data(List.of(certificate))));
            DOMSignContext context = new DOMSignContext(key, document.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            signatures.newXMLSignature(signedInfo, keyInfo).sign(context);
            return serialise(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new CustomsXmlException("cannot sign the customs message: " + e.getMessage(), e);
        }
    }

    private static String serial(BigInteger serialNumber) {
        return serialNumber.toString(16);
    }

    private static Document parse(String xml) throws CustomsXmlException {
        try {
            return HardenedXml.dom(xml);
        } catch (SAXException | IOException e) {
            throw new CustomsXmlException("the customs message to sign cannot be read: " + e.getMessage(), e);
        }
    }

    private static String serialise(Document document) throws CustomsXmlException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new CustomsXmlException("cannot write the signed customs message: " + e.getMessage(), e);
        }
    }
}
