package io.cmohub.coordination.alert.hub;

import io.cmohub.model.AlertSource;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.coordination.alert.AlertNotice;
import io.cmohub.coordination.alert.AlertNoticeJson;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.MalformedAlertException;
import java.net.URL;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The payload side of the EU Hub alert call-back contract ({@code schemas/emvs/v1/hub-alert-callback.wsdl}):
 * reads an {@code AlertNotification} element into an {@link AlertNotice} after validating it
 * against the XSD, and writes the {@code AlertAcknowledgement}. No SOAP and no CXF here: the host
 * (the gateway's CXF endpoint) hands over the body's payload element.
 */
public final class HubAlertCallback {
    public static final String NAMESPACE = "https://cmohub.io/schemas/emvs/alert-callback/v1";
    public static final String WSDL = "schemas/emvs/v1/hub-alert-callback.wsdl";
    public static final String XSD = "schemas/emvs/v1/hub-alert-callback.xsd";
    /** Quarantine format name of call-backs that failed this contract. */
    public static final String FORMAT = "emvs-hub-alert-callback";

    private static final Schema SCHEMA = loadSchema();

    private HubAlertCallback() {
    }

    /**
     * @param payload   the SOAP body's first child, as the SOAP stack parsed it (DTDs already refused by it)
     * @param rawSha256 SHA-256 of the request as received, or null
     */
    public static AlertNotice read(Node payload, String rawSha256) throws MalformedAlertException {
        Element root = payload instanceof Document document ? document.getDocumentElement() : (Element) payload;
        if (root == null || !NAMESPACE.equals(root.getNamespaceURI()) || !"AlertNotification".equals(root.getLocalName())) {
            throw new MalformedAlertException("the SOAP body must hold one {" + NAMESPACE + "}AlertNotification, not "
                    + (root == null ? "nothing" : "{" + root.getNamespaceURI() + "}" + root.getLocalName()));
        }
        try {
            Validator validator = SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(root));
        } catch (SAXException e) {
            throw new MalformedAlertException("the AlertNotification breaks the contract hub-alert-callback.xsd: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new MalformedAlertException("the AlertNotification could not be validated: " + e.getMessage(), e);
        }
        Element scanned = child(root, "scanned");
        return new AlertNotice(AlertSource.HUB, text(root, "alertId"), text(root, "code"), text(root, "nmvsReturnCode"), text(root, "market"),
                AlertNoticeJson.instant(text(root, "raisedAt")),
                scanned == null ? null : new ScannedIdentifiers(text(scanned, "productCode"), text(scanned, "productCodeScheme"),
                        text(scanned, "serial"), text(scanned, "batchId"), text(scanned, "expiry")),
                text(root, "message"), text(root, "endUserLocation"), null, null, text(root, "uploadRef"), text(root, "field"), rawSha256);
    }

    /** The {@code AlertAcknowledgement} for a filed notice. */
    public static Document acknowledgement(IntakeResult result, Instant receivedAt) {
        Document document = newDocument();
        Element root = document.createElementNS(NAMESPACE, "AlertAcknowledgement");
        document.appendChild(root);
        append(root, "alertId", result.alertId());
        append(root, "outcome", result.outcome().name());
        append(root, "receivedAt", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC).toString());
        return document;
    }

    /** The {@code CallbackFaultDetail} content, to put in a SOAP fault's detail. */
    public static Element faultDetail(String code, String reason, String quarantineId) {
        Document document = newDocument();
        Element root = document.createElementNS(NAMESPACE, "CallbackFaultDetail");
        document.appendChild(root);
        append(root, "code", code);
        append(root, "reason", reason);
        if (quarantineId != null) {
            append(root, "quarantineId", quarantineId);
        }
        return root;
    }

    private static void append(Element parent, String name, String value) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        child.setTextContent(value);
        parent.appendChild(child);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM builder is always available", e);
        }
    }

    private static Schema loadSchema() {
        URL xsd = HubAlertCallback.class.getClassLoader().getResource(XSD);
        if (xsd == null) {
            throw new IllegalStateException(XSD + " is missing from the classpath (cmohub-schemas)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("the call-back XSD does not load: " + e.getMessage(), e);
        }
    }
}
