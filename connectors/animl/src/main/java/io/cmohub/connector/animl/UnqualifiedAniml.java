package io.cmohub.connector.animl;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * An AnIML document written without the AnIML namespace (pyAnIML and some instrument exports do this),
 * read as if every element without a namespace were in it. Only elements change: attributes are
 * unqualified in AnIML anyway, and elements of another namespace keep theirs.
 */
final class UnqualifiedAniml extends StreamReaderDelegate {

    UnqualifiedAniml(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public String getNamespaceURI() {
        if (!onElement()) {
            return super.getNamespaceURI();
        }
        String namespace = super.getNamespaceURI();
        return namespace == null || namespace.isEmpty() ? AnimlModel.NAMESPACE : namespace;
    }

    @Override
    public QName getName() {
        QName name = super.getName();
        return name.getNamespaceURI().isEmpty() ? new QName(AnimlModel.NAMESPACE, name.getLocalPart(), name.getPrefix()) : name;
    }

    private boolean onElement() {
        int event = getEventType();
        return event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT;
    }
}
