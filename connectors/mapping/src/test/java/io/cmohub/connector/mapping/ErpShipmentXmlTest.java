package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class ErpShipmentXmlTest extends ReferenceMappingTest {
    ErpShipmentXmlTest() {
        super("erp-shipment-xml");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Deliveries>\n",
                i -> "<Delivery number=\"D" + i + "\"><ShipFrom site=\"ACME-LYON\"><GLN>3050123456786</GLN></ShipFrom>"
                        + "<ShipTo><GLN>4012345000016</GLN></ShipTo><GoodsIssue>2025-03-05T16:30:00+01:00</GoodsIssue><Carrier>Kuehne+Nagel</Carrier>"
                        + "<Item><GTIN>05012345678900</GTIN><Batch>B2025-0042</Batch><Quantity unit=\"EA\">48000</Quantity></Item>"
                        + "<SSCCs>350123450000000016 350123450000000023</SSCCs><Note>" + NOTE + "</Note></Delivery>\n",
                "</Deliveries>\n", 250_000);
    }
}
