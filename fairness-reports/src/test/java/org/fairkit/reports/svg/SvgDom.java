package org.fairkit.reports.svg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses SVG output as XML (which also proves it well-formed) and finds elements by their FairKit class. */
public final class SvgDom {
    private final Document doc;

    private SvgDom(Document doc) {
        this.doc = doc;
    }

    /** @throws IllegalArgumentException if the markup is not well-formed XML */
    public static SvgDom parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgDom(f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** @return the root element */
    public Element root() {
        return doc.getDocumentElement();
    }

    /** @return every element (document order) whose class list contains {@code fk-<cls>} */
    public List<Element> byClass(String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (Arrays.asList(e.getAttribute("class").split(" ")).contains("fk-" + cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the elements of a class inside the {@code i}-th element of another class */
    public static List<Element> within(Element parent, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (Arrays.asList(e.getAttribute("class").split(" ")).contains("fk-" + cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return a numeric attribute */
    public static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
