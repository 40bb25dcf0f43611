package io.cmohub.gateway.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The EU Hub simulator's seeded A52 scenario as a CMO and the Hub send it: acme-lyon's ERP batch records,
 * packaging-line CSV and EPCIS commissioning for DC24100 (printed expiry 300331, uploaded 300228) and
 * CZ24002, its liaison register entry, and the Hub's A52 call-back. Shared by the end-to-end tests.
 */
public final class A52Scenario {
    private A52Scenario() {
    }

    /** Writes acme-lyon's liaison (webhook at {@code webhookBase}/acme/alerts, Lyon's calendar, 8 business hours) and returns the file. */
    public static String writeLiaisonSeed(Path dataDir, String webhookBase) {
        String yaml = """
                liaisons:
                  - partner: acme-lyon
                    liaison: { name: Claire Martin, email: claire.martin@acme.example }
                    backup:  { name: Paul Durand, email: paul.durand@acme.example }
                    channels:
                      - { type: webhook, address: "%s/acme/alerts", secretRef: acme-webhook }
                      - { type: email, address: fmd-alerts@acme.example }
                    responseSlaBusinessHours: 8
                    path: PARALLEL
                    calendar:
                      timeZone: Europe/Paris
                      workingDays: [MON, TUE, WED, THU, FRI]
                      hours: "08:00-17:00"
                      holidays: [2026-12-25]
                """.formatted(webhookBase);
        try {
            Files.createDirectories(dataDir);
            Path seed = dataDir.resolve("liaisons.yaml");
            Files.writeString(seed, yaml);
            return seed.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ERP batch records: DC24100 with the expiry as uploaded (300228), CZ24002 for DE. */
    public static final String BATCH_RECORDS = """
            product_code,batch_id,status,site_id,expiry,manufactured_on,released_on,planned_quantity,actual_quantity,quantity_unit,markets,updated_at
            05012345100036,DC24100,RELEASED,ACME-LYON,300228,2024-06-01,2024-07-02,4,4,packs,IE|PT,2024-07-02T08:00:00Z
            05012345100012,CZ24002,PACKED,ACME-LYON,311231,2024-06-01,,4,4,packs,DE,2024-06-11T08:00:00Z
            """;

    /** The line printed expiry 300331 on DC24100 (the A52 scenario) and reports 5 commissioned serials; CZ24002 as uploaded. */
    public static final String PACKAGING = """
            Run,Site,Line,GTIN,Batch,Printed Batch,Printed Expiry,Artwork,Clearance At,Clearance By,Clearance Verified By,Clearance Result,Started,Finished,Commissioned,Decommissioned,Sampled,First Serial,Last Serial,Serials Used
            PR-DC24100-1,ACME-LYON,L3,05012345100036,DC24100,DC24100,300331,AW-7,2024-06-30T05:40:00Z,jdoe,asmith,PASS,2024-06-30T06:00:00Z,2024-06-30T14:00:00Z,5,0,0,DCEXTRA00001,Z8V96FJKFU32,5
            PR-CZ24002-1,ACME-LYON,L2,05012345100012,CZ24002,CZ24002,311231,AW-3,2024-06-10T05:40:00Z,jdoe,asmith,PASS,2024-06-10T06:00:00Z,2024-06-10T14:00:00Z,4,0,0,49945LNQ3R6T,PSLNNETGGE3M,4
            """;

    public static String epcis() {
        return epcisDocument(commission("05012345100036", "DC24100", "2030-03-31", "2024-06-30T07:00:00Z",
                        List.of("Z8V96FJKFU32", "KBLNWF37VU8H", "GWAKBTYH9N8V", "EXWZL7YDMWQ3", "DCEXTRA00001")),
                commission("05012345100012", "CZ24002", "2031-12-31", "2024-06-10T07:00:00Z",
                        List.of("E4PMDJHWTGPC", "PSLNNETGGE3M", "D6XJZTCKL6L2", "49945LNQ3R6T")));
    }

    public static String epcisDocument(String... events) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:mda="urn:epcglobal:cbv:mda" schemaVersion="2.0" creationDate="2024-06-30T17:00:00.000Z">
                  <EPCISBody>
                    <EventList>
                      %s
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(String.join("\n", events));
    }

    public static String commission(String gtin, String lot, String expiry, String at, List<String> serials) {
        StringBuilder epcs = new StringBuilder();
        for (String serial : serials) {
            epcs.append("<epc>https://id.gs1.org/01/").append(gtin).append("/21/").append(serial).append("</epc>");
        }
        return """
                <ObjectEvent>
                  <eventTime>%s</eventTime>
                  <eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                  <epcList>%s</epcList>
                  <action>ADD</action>
                  <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                  <disposition>urn:epcglobal:cbv:disp:active</disposition>
                  <readPoint><id>urn:epc:id:sgln:4012345.00001.0</id></readPoint>
                  <ilmd><mda:itemExpirationDate>%s</mda:itemExpirationDate><mda:lotNumber>%s</mda:lotNumber></ilmd>
                </ObjectEvent>""".formatted(at, epcs, expiry, lot);
    }

    public static String callback(String alertId) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="https://cmohub.io/schemas/emvs/alert-callback/v1">
                  <soapenv:Body>
                    <a:AlertNotification>
                      <a:alertId>%s</a:alertId><a:code>A52</a:code><a:nmvsReturnCode>NMVS_FE_LOT_12</a:nmvsReturnCode><a:market>IE</a:market>
                      <a:raisedAt>%s</a:raisedAt>
                      <a:scanned><a:productCode>05012345100036</a:productCode><a:productCodeScheme>GTIN</a:productCodeScheme>
                        <a:serial>Z8V96FJKFU32</a:serial><a:batchId>DC24100</a:batchId><a:expiry>300331</a:expiry></a:scanned>
                      <a:message>Expiry date mismatch</a:message>
                    </a:AlertNotification>
                  </soapenv:Body>
                </soapenv:Envelope>""".formatted(alertId, Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
    }
}
