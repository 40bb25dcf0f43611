package io.cmohub.connector.sapidoc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The IDoc types this connector reads, by the root element of the IDoc-XML file (the basic type)
 * and the message type its control records must carry.
 */
enum IdocType {
    BATMAS01("BATMAS"), BATMAS02("BATMAS"), BATMAS03("BATMAS"), QALITY01("QALITY");

    final String messageType;

    IdocType(String messageType) {
        this.messageType = messageType;
    }

    static Optional<IdocType> ofRoot(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
