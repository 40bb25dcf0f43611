package io.cmohub.euhub;

/** SOAP 1.1 bodies of the v1 contract, written by hand so the tests see exactly what goes over the wire. */
final class SoapFixtures {
    static final String NS = "https://cmohub.io/schemas/emvs/v1";
    static final String PRODUCT = "05012345100012";
    static final String SERIAL = "DEK76RN3RKAY";
    static final String REPORTED_AT = "2025-01-15T10:00:00Z";

    private SoapFixtures() {
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String packStateResponse(String serial, String state) {
        return envelope(packStateBody(PRODUCT, serial, state, ""));
    }

    static String packStateResponse() {
        return packStateResponse(SERIAL, "ACTIVE");
    }

    static String packStateBody(String product, String serial, String state, String extraPackXml) {
        return "<PackStateResponse xmlns=\"" + NS + "\"><result>"
                + "<query><productCode>" + product + "</productCode><serialNumber>" + serial + "</serialNumber></query>"
                + "<outcome>FOUND</outcome>"
                + "<pack><productCode>" + product + "</productCode><serialNumber>" + serial + "</serialNumber>"
                + "<batchId>CZ24001</batchId><expiry>310600</expiry><state>" + state + "</state><batchState>ACTIVE</batchState>"
                + extraPackXml + "</pack>"
                + "</result><reportedAt>" + REPORTED_AT + "</reportedAt></PackStateResponse>";
    }

    static String unknownSerialResponse(String serial) {
        return envelope("<PackStateResponse xmlns=\"" + NS + "\"><result>"
                + "<query><productCode>" + PRODUCT + "</productCode><serialNumber>" + serial + "</serialNumber></query>"
                + "<outcome>UNKNOWN_SERIAL</outcome><message>serial was not uploaded</message>"
                + "</result><reportedAt>" + REPORTED_AT + "</reportedAt></PackStateResponse>");
    }

    static String hubFault(String code, String category, String message) {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + code + ": " + message + "</faultstring>"
                + "<detail><h:HubFaultDetail xmlns:h=\"" + NS + "\"><h:code>" + code + "</h:code><h:category>" + category
                + "</h:category><h:message>" + message + "</h:message></h:HubFaultDetail></detail></soap:Fault>");
    }

    static String batchStateResponse() {
        return envelope("<BatchStateResponse xmlns=\"" + NS + "\"><batch><productCode>" + PRODUCT + "</productCode>"
                + "<batchId>CZ24001</batchId><expiry>310600</expiry><state>ACTIVE</state><uploadedSerialCount>13</uploadedSerialCount>"
                + "<market>DE</market></batch><reportedAt>" + REPORTED_AT + "</reportedAt></BatchStateResponse>");
    }
}
