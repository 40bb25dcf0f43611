package io.cmohub.connector.sapidoc;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * One IDOC element of an IDoc-XML file: the control record and the data segments this connector
 * reads. Segments of other types (classification, texts, customer extensions) are not bound and
 * not read. Field names are SAP's segment field names; every value is kept as text and converted
 * by the mappers, so a malformed value is reported against its field rather than dropped by JAXB.
 */
@XmlAccessorType(XmlAccessType.FIELD)
final class Idoc {
    @XmlElement(name = "EDI_DC40")
    ControlRecord control;
    @XmlElement(name = "E1BATMAS")
    List<BatchSegment> batches = new ArrayList<>();
    @XmlElement(name = "E1QALS")
    List<InspectionLotSegment> inspectionLots = new ArrayList<>();

    /** EDI_DC40: who sent which message type. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ControlRecord {
        @XmlElement(name = "DOCNUM") String docnum;
        @XmlElement(name = "IDOCTYP") String idoctyp;
        @XmlElement(name = "MESTYP") String mestyp;
        @XmlElement(name = "SNDPRT") String sndprt;
        @XmlElement(name = "SNDPRN") String sndprn;
        @XmlElement(name = "CREDAT") String credat;
        @XmlElement(name = "CRETIM") String cretim;
    }

    /** E1BATMAS, after the batch master table MCH1: material, batch, dates and status flags. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class BatchSegment {
        @XmlElement(name = "MATNR") String matnr;
        @XmlElement(name = "CHARG") String charg;
        @XmlElement(name = "WERKS") String werks;
        @XmlElement(name = "VFDAT") String vfdat;
        @XmlElement(name = "HSDAT") String hsdat;
        @XmlElement(name = "ZUSTD") String zustd;
        @XmlElement(name = "LVORM") String lvorm;
    }

    /** E1QALS, after the inspection lot table QALS. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class InspectionLotSegment {
        @XmlElement(name = "PRUEFLOS") String prueflos;
        @XmlElement(name = "MATNR") String matnr;
        @XmlElement(name = "CHARG") String charg;
        @XmlElement(name = "E1QAMV")
        List<CharacteristicSegment> characteristics = new ArrayList<>();
    }

    /** E1QAMV, after the characteristic specification table QAMV. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class CharacteristicSegment {
        @XmlElement(name = "MERKNR") String merknr;
        @XmlElement(name = "VERWMERKM") String verwmerkm;
        @XmlElement(name = "KURZTEXT") String kurztext;
        @XmlElement(name = "PMETHODE") String pmethode;
        @XmlElement(name = "TOLERANZUN") String toleranzun;
        @XmlElement(name = "TOLERANZOB") String toleranzob;
        @XmlElement(name = "MASSEINHSW") String masseinhsw;
        @XmlElement(name = "E1QAMR")
        List<ResultSegment> results = new ArrayList<>();
    }

    /** E1QAMR, after the characteristic result table QAMR. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ResultSegment {
        @XmlElement(name = "MITTELWERT") String mittelwert;
        @XmlElement(name = "ORIGINAL_INPUT") String originalInput;
        @XmlElement(name = "MBEWERTG") String mbewertg;
        @XmlElement(name = "PRUEFDATUV") String pruefdatuv;
        @XmlElement(name = "PRUEFZEITV") String pruefzeitv;
    }
}
