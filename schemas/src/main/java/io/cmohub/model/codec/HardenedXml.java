package io.cmohub.model.codec;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/**
 * StAX factories for everything the hub reads as XML. Woodstox accepts DTDs and external entities
 * by default (the StAX spec says so); here both are off, so XXE and entity expansion ("billion
 * laughs") cannot happen, and the remaining size dimensions are bounded by {@link CodecLimits}.
 * A DOCTYPE is read but never acted on: any entity it declares is undefined, so a document that
 * uses one fails with an error instead of being expanded or fetched.
 */
public final class HardenedXml {
    private HardenedXml() {
    }

    public static XMLInputFactory inputFactory(CodecLimits limits) {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not loaded: " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxNestingDepth());
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxStringLength());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxStringLength());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxDocumentBytes());
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        return factory;
    }

    public static XMLInputFactory inputFactory() {
        return inputFactory(CodecLimits.DEFAULT);
    }

    public static XMLOutputFactory outputFactory() {
        WstxOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
        return factory;
    }
}
