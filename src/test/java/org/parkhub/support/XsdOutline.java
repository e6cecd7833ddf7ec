package org.parkhub.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The shape of the CEB schemas as a tree of element declarations: names, occurrences, simple-type facets, in
 * document order. Enough XSD for the customs schemas (global elements and named types, inline sequences, string,
 * decimal and int restrictions, wildcards, one external reference: {@code ds:Signature}), so that tests can compare
 * the project's schema with the official one and generate documents from the official one.
 */
public final class XsdOutline {

    static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** An element or attribute declaration; {@code facets} is empty for complex content. */
    public record Decl(String name, int minOccurs, int maxOccurs, String base, Map<String, String> facets,
                       List<Decl> attributes, List<Decl> children, boolean external, boolean wildcard) {

        public boolean optional() {
            return minOccurs == 0;
        }

        public boolean simple() {
            return base != null;
        }

        public int minLength() {
            return Integer.parseInt(facets.getOrDefault("length", facets.getOrDefault("minLength", "0")));
        }

        /** The longest text allowed, or -1 when unbounded or not a string. */
        public int maxLength() {
            return Integer.parseInt(facets.getOrDefault("length", facets.getOrDefault("maxLength", "-1")));
        }

        public Decl child(String childName) {
            return children.stream().filter(c -> childName.equals(c.name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no " + childName));
        }
    }

    private final Map<String, Element> elements = new LinkedHashMap<>();
    private final Map<String, Element> complexTypes = new LinkedHashMap<>();
    private final Map<String, Element> simpleTypes = new LinkedHashMap<>();

    private XsdOutline(Document schema) {
        for (Node n = schema.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "element" -> elements.put(e.getAttribute("name"), e);
                    case "complexType" -> complexTypes.put(e.getAttribute("name"), e);
                    case "simpleType" -> simpleTypes.put(e.getAttribute("name"), e);
                    default -> { }
                }
            }
        }
    }

    public static XsdOutline of(Path xsd) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return new XsdOutline(factory.newDocumentBuilder().parse(xsd.toFile()));
    }

    /** The declaration of a global element (a message root such as {@code CEB311Message}). */
    public Decl element(String name) {
        Element e = elements.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no global element " + name);
        }
        return declare(e, 1, 1);
    }

    public List<String> messageNames() {
        return elements.keySet().stream().filter(n -> n.matches("CEB[0-9]{3}Message")).toList();
    }

    /**
     * Every declaration below a message by path ({@code /CEB311Message/Order/OrderHead/orderNo}, attributes as
     * {@code /@guid}), with its occurrences and facets as text, for comparing two schemas.
     */
    public Map<String, String> flatten(String message) {
        Map<String, String> paths = new TreeMap<>();
        flatten(element(message), "", paths);
        return paths;
    }

    private static void flatten(Decl decl, String parent, Map<String, String> paths) {
        String path = parent + "/" + decl.name();
        String shape = decl.external() ? "external" : decl.wildcard() ? "any" : decl.simple()
                ? decl.base() + " " + new TreeMap<>(decl.facets()) : "complex";
        paths.put(path, decl.minOccurs() + ".." + decl.maxOccurs() + " " + shape);
        decl.attributes().forEach(a -> paths.put(path + "/@" + a.name(), a.minOccurs() + ".." + a.maxOccurs() + " "
                + a.base() + " " + new TreeMap<>(a.facets())));
        decl.children().forEach(c -> flatten(c, path, paths));
    }

    private Decl declare(Element e, int min, int max) {
        if (e.hasAttribute("ref")) {
            String ref = e.getAttribute("ref");
            String local = ref.substring(ref.indexOf(':') + 1);
            Element target = elements.get(local);
            if (target == null) {
                return new Decl(local, min, max, null, Map.of(), List.of(), List.of(), true, false);
            }
            return declare(target, min, max);
        }
        String name = e.getAttribute("name");
        Element complex = child(e, "complexType");
        Element simple = child(e, "simpleType");
        String type = local(e.getAttribute("type"));
        if (complex == null && complexTypes.containsKey(type)) {
            complex = complexTypes.get(type);
        }
        if (complex == null) {
            if (simple == null && simpleTypes.containsKey(type)) {
                simple = simpleTypes.get(type);
            }
            Map<String, String> facets = new LinkedHashMap<>();
            String base = simple == null ? e.getAttribute("type") : restriction(simple, facets);
            return new Decl(name, min, max, base, facets, List.of(), List.of(), false, false);
        }
        List<Decl> attributes = new ArrayList<>();
        List<Decl> children = new ArrayList<>();
        for (Node n = complex.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element a && "attribute".equals(a.getLocalName())) {
                Map<String, String> facets = new LinkedHashMap<>();
                Element simpleAttr = child(a, "simpleType");
                String attrType = local(a.getAttribute("type"));
                if (simpleAttr == null && simpleTypes.containsKey(attrType)) {
                    simpleAttr = simpleTypes.get(attrType);
                }
                String base = simpleAttr == null ? a.getAttribute("type") : restriction(simpleAttr, facets);
                attributes.add(new Decl(a.getAttribute("name"), "required".equals(a.getAttribute("use")) ? 1 : 0, 1,
                        base, facets, List.of(), List.of(), false, false));
            }
        }
        Element sequence = child(complex, "sequence");
        if (sequence != null) {
            for (Node n = sequence.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && XS.equals(c.getNamespaceURI())) {
                    int cmin = occurs(c.getAttribute("minOccurs"));
                    int cmax = occurs(c.getAttribute("maxOccurs"));
                    if ("element".equals(c.getLocalName())) {
                        children.add(declare(c, cmin, cmax));
                    } else if ("any".equals(c.getLocalName())) {
                        // the project's schema writes ds:Signature as a wildcard in its namespace
                        String ns = c.getAttribute("namespace");
                        String anyName = ns.endsWith("xmldsig#") ? "Signature" : "any";
                        children.add(new Decl(anyName, cmin, cmax, null, Map.of(), List.of(), List.of(), false, true));
                    }
                }
            }
        }
        return new Decl(name, min, max, null, Map.of(), attributes, children, false, false);
    }

    private static String restriction(Element simple, Map<String, String> facets) {
        Element restriction = child(simple, "restriction");
        for (Node n = restriction.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element f) {
                facets.put(f.getLocalName(), f.getAttribute("value"));
            }
        }
        // minLength 0 says nothing: the official schema writes it on some elements and not on others
        facets.remove("minLength", "0");
        return restriction.getAttribute("base");
    }

    private static int occurs(String value) {
        return value.isEmpty() ? 1 : "unbounded".equals(value) ? Integer.MAX_VALUE : Integer.parseInt(value);
    }

    private static String local(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
