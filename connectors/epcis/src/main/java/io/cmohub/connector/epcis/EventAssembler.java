package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one EPCIS event from the {@link EventTreeListener} calls of a reader, validates it, applies
 * the lifecycle rules, and reports it to the sink as one accepted or rejected source record. Holds
 * only the current event (its EPCs in {@link EpcSpool}s); reused for every event of a document.
 */
final class EventAssembler implements DocumentEvents.EventFields {
    /** EPCs whose ledger slots are fetched together ({@link LifecycleLedger#prefetch}). */
    private static final int LOOKAHEAD = 16;
    /** EPC-level errors listed per event; the rest are counted in one closing error. */
    private static final int MAX_EPC_ERRORS = 20;
    private static final int MAX_EPC_LENGTH = 512;
    private static final String MDA = "{urn:epcglobal:cbv:mda}";
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
    private static final Set<String> SENSOR_NUMBERS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");
    private static final Set<String> SENSOR_TIMES = Set.of("time", "startTime", "endTime");

    private final EpcisSettings settings;
    private final PartnerId partner;
    private final LifecycleLedger ledger;
    private final Gs1EventHash hash = new Gs1EventHash();
    private final EpcReading reading = new EpcReading();
    private FingerprintSet inEvent;
    /** The event's GS1 hash once computed ({@link #prepare} or the report); null before. */
    private String eventId;
    /** Consecutive events mostly share their location and expiry: the last conversions, kept. */
    private final LastConversion<Gln> locations = new LastConversion<>(EventAssembler::gln);
    private final LastConversion<Expiry> expiries = new LastConversion<>(EventAssembler::expiry);

    private String typeName;
    private EpcisEventType type;
    private final String[] path = new String[256];
    private int depth;
    private EpcList openList;
    private final List<FieldError> errors = new ArrayList<>();
    private int epcErrors;
    private int entryErrors;
    private String eventTime;
    private int eventTimes;
    private String timeZoneOffset;
    private String action;
    private int actions;
    private String bizStep;
    private String parentId;
    private String readPoint;
    private String bizLocation;
    private final Set<String> lots = new LinkedHashSet<>();
    private String expiry;
    /** The current event's EPC lists; null for a list the event does not have. */
    private final EpcSpool[] spools = new EpcSpool[EpcList.values().length];
    private final EpcSpool[] idleSpools = new EpcSpool[EpcList.values().length];
    /** Per list, how many errors the event had when the list last took an EPC: where that list's EPC errors belong. */
    private final int[] epcErrorsAt = new int[EpcList.values().length];
    /** Per list, its place among the event's lists (1 for the first met): settles ties of {@link #epcErrorsAt}. */
    private final int[] listsOpened = new int[EpcList.values().length];
    private int listsInEvent;
    private final String[] listGtin = new String[EpcList.values().length];
    private final String[] otherGtin = new String[EpcList.values().length];
    private String classGtin;
    private String classLot;
    private boolean classesMixed;
    private boolean sensorData;
    private boolean bizTransactions;
    private boolean errorDeclaration;
    private String declarationTime;
    private String quantityEventClass;
    private String quantityEventQuantity;

    EventAssembler(EpcisSettings settings, PartnerId partner, LifecycleLedger ledger) {
        this.settings = settings;
        this.partner = partner;
        this.ledger = ledger;
    }

    /** Starts a new event; the type may be null when the syntax names it later (JSON-LD). */
    void begin(String eventTypeName) {
        typeName = eventTypeName;
        type = eventTypeName == null ? null : EpcisEventType.of(eventTypeName);
        depth = 0;
        openList = null;
        errors.clear();
        epcErrors = 0;
        entryErrors = 0;
        eventTime = null;
        eventTimes = 0;
        timeZoneOffset = null;
        action = null;
        actions = 0;
        bizStep = null;
        parentId = null;
        readPoint = null;
        bizLocation = null;
        lots.clear();
        expiry = null;
        Arrays.fill(listGtin, null);
        Arrays.fill(otherGtin, null);
        classGtin = null;
        classLot = null;
        classesMixed = false;
        sensorData = false;
        bizTransactions = false;
        errorDeclaration = false;
        declarationTime = null;
        quantityEventClass = null;
        quantityEventQuantity = null;
        hash.begin(eventTypeName);
        eventId = null;
        listsInEvent = 0;
    }

    @Override
    public void type(String eventTypeName) {
        if (typeName != null) {
            errors.add(new FieldError("type", "the event type is given twice"));
            return;
        }
        typeName = eventTypeName;
        type = EpcisEventType.of(eventTypeName);
        hash.type(eventTypeName);
    }

    @Override
    public void start(String name) {
        if (depth + 1 >= path.length) {
            throw new IllegalStateException("event nested deeper than " + path.length);
        }
        path[++depth] = name;
        if (depth == 1) {
            openList = EpcList.of(name);
            switch (name) {
                case "sensorElementList" -> sensorData = true;
                case "bizTransactionList" -> bizTransactions = true;
                case "errorDeclaration" -> errorDeclaration = true;
                default -> {
                    // no flag
                }
            }
        }
        hash.start(name);
    }

    @Override
    public void end() {
        if (depth == 1) {
            openList = null;
        }
        depth--;
        hash.end();
    }

    @Override
    public void value(String name, String text) {
        if (depth == 0) {
            rootValue(name, text);
            return;
        }
        String top = path[1];
        if (depth == 1) {
            if (openList != null && name.isEmpty()) {
                epc(openList, text.toCharArray(), 0, text.length()); // a JSON number in an EPC list
                return;
            }
            switch (top) {
                case "readPoint" -> readPoint = name.equals("id") ? text.strip() : readPoint;
                case "bizLocation" -> bizLocation = name.equals("id") ? text.strip() : bizLocation;
                case "ilmd" -> ilmd(name, text);
                case "errorDeclaration" -> declarationTime = name.equals("declarationTime") ? text : declarationTime;
                default -> {
                    // kept in the hash only
                }
            }
        } else if (depth == 2 && QUANTITY_LISTS.contains(top)) {
            quantityField(top, name, text);
        }
        if (top.equals("sensorElementList")) {
            sensorField(name, text);
        }
        hash.value(name, text);
    }

    private void rootValue(String name, String text) {
        switch (name) {
            case "eventTimeZoneOffset" -> timeZoneOffset = text;
            case "eventTime" -> {
                eventTime = text;
                eventTimes++;
            }
            case "action" -> {
                action = text.strip();
                actions++;
            }
            case "bizStep" -> bizStep = ActionMapping.bareTerm(text);
            case "parentID" -> parentId = text.strip();
            case "epcClass" -> quantityEventClass = text.strip();
            case "quantity" -> quantityEventQuantity = text.strip();
            default -> {
                if (EpcList.of(name) != null) {
                    errors.add(new FieldError(name, name + " must be a list of EPCs"));
                }
            }
        }
        // everything goes to the hash, which leaves out what GS1 leaves out (eventID, recordTime, ...)
        hash.value(name, text);
    }

    @Override
    public void listEntry(char[] text, int start, int length) {
        if (depth == 1 && openList != null) {
            epc(openList, text, start, length);
        } else {
            value("", new String(text, start, length));
        }
    }

    /**
     * Keeps an EPC as written; it is read (rules, canonical form, GTIN) when the event is prepared or
     * reported ({@link #prepare}), so that with {@link EventPipeline} the thread that has time does
     * the bulk of a document's work, its million SGTINs.
     */
    private void epc(EpcList list, char[] text, int start, int length) {
        EpcSpool spool = spools[list.ordinal()];
        if (spool != null && spool.readsAtOnce(length)) {
            readPendingEpcs(); // the other lists' waiting entries first: errors are counted and listed in document order
        }
        if (spool == null) {
            // spools are kept from event to event: a new one costs its buffers, tens of kilobytes, per event
            spool = idleSpools[list.ordinal()];
            if (spool == null) {
                spool = new EpcSpool(settings.maxEpcsPerRecord(), settings.spoolMemoryLimit(), (t, s, n) -> readEpc(list, t, s, n));
                idleSpools[list.ordinal()] = spool;
            }
            spools[list.ordinal()] = spool;
            listsOpened[list.ordinal()] = ++listsInEvent;
        }
        spool.add(text, start, length);
        epcErrorsAt[list.ordinal()] = errors.size();
    }

    /** One EPC of {@code list}: null, with the rule it breaks recorded, or its reading; notes its GTIN. */
    private EpcReading readEpc(EpcList list, char[] text, int start, int length) {
        EpcReading r = reading;
        if (!r.read(list.field(), text, start, length)) {
            epcError(list.field(), r.error);
            return null;
        }
        String gtin = r.gtin;
        if (gtin != null) {
            String known = listGtin[list.ordinal()];
            if (known == null) {
                listGtin[list.ordinal()] = gtin;
            } else if (!known.equals(gtin) && otherGtin[list.ordinal()] == null) {
                otherGtin[list.ordinal()] = gtin;
            }
        }
        return r;
    }

    private void epcError(String field, String reason) {
        if (++epcErrors <= MAX_EPC_ERRORS) {
            errors.add(new FieldError(field, reason));
        }
    }

    private void ilmd(String name, String text) {
        if (name.equals(MDA + "lotNumber")) {
            lots.add(text.strip());
        } else if (name.equals(MDA + "itemExpirationDate")) {
            expiry = text.strip();
        }
    }

    private void quantityField(String list, String name, String text) {
        if (name.equals("quantity")) {
            String q = text.strip();
            if (!Gs1CanonicalValue.isNumber(q)) {
                fieldError(new FieldError(list, "quantity '" + q + "' is not a number"));
            } else if (q.startsWith("-")) {
                fieldError(new FieldError(list, "quantity " + q + " is negative"));
            }
        } else if (name.equals("epcClass")) {
            epcClass(list, text.strip());
        }
    }

    private void epcClass(String field, String value) {
        try {
            EpcIdentifier id = EpcIdentifier.parse(value);
            if (id.gtin() != null) {
                if (classGtin == null && !classesMixed) {
                    classGtin = id.gtin();
                    classLot = id.lot();
                } else if (!id.gtin().equals(classGtin) || !java.util.Objects.equals(id.lot(), classLot)) {
                    classesMixed = true;
                }
            }
        } catch (InvalidValueException e) {
            fieldError(new FieldError(field, e.getMessage()));
        }
    }

    /**
     * An error in an entry of a quantity or sensor list, which may have millions of entries: the
     * first {@value #MAX_EPC_ERRORS} are listed, the rest counted, as for EPCs.
     */
    private void fieldError(FieldError error) {
        if (++entryErrors <= MAX_EPC_ERRORS) {
            errors.add(error);
        }
    }

    private void sensorField(String name, String text) {
        String v = text.strip();
        if (SENSOR_NUMBERS.contains(name) && !Gs1CanonicalValue.isNumber(v)) {
            fieldError(new FieldError("sensorElementList", "sensor " + name + " '" + v + "' is not a number"));
        } else if (SENSOR_TIMES.contains(name)) {
            try {
                EpcisTimestamp.parse("sensor " + name, v);
            } catch (InvalidValueException e) {
                fieldError(new FieldError("sensorElementList", e.getMessage()));
            }
        }
    }

    /** What the reader does next. */
    enum Next { CONTINUE, STOP }

    /**
     * Ends the event: one {@code accepted} or {@code rejected} call. Returns {@link Next#STOP} after
     * reporting a document failure (the lifecycle ledger is full).
     */
    Next finish(String location, RecordSink sink) {
        try {
            return report(location, sink);
        } finally {
            discard();
        }
    }

    /**
     * The event has been read: reads its EPCs, fingerprints them, computes the event hash and makes
     * the EPC strings of its records now rather than when the event is reported; none of that
     * depends on earlier events. {@link EventPipeline} calls this on the reading thread when the
     * checking thread falls behind, so whichever thread has time does this work; the report is the
     * same either way.
     */
    void prepare() {
        readPendingEpcs();
        boolean spooled = false;
        for (EpcSpool spool : spools) {
            if (spool != null && spool.size() > 0) {
                spool.fingerprint(spool.size() - 1);
                spooled |= spool.spooled();
            }
        }
        // not for a spooled list: sorting it from disk cannot be cancelled, and the event may yet be stopped
        if (!spooled && !hash.tooManyFields()) {
            try {
                eventId();
            } catch (RuntimeException e) {
                // left to the report, which hashes accepted events only: a rejected event must not fail the document
                eventId = null;
            }
        }
        for (EpcSpool spool : spools) {
            if (spool != null) {
                spool.buildChunks();
            }
        }
    }

    /** The GS1 event hash, computed once. */
    private String eventId() {
        if (eventId == null) {
            eventId = hash.finish(this::sortedEpcs);
        }
        return eventId;
    }

    /** Lets go of the event's EPCs, deleting any temporary file (also when reading stopped inside the event). */
    void discard() {
        for (int i = 0; i < spools.length; i++) {
            if (spools[i] != null) {
                spools[i].clear();
                spools[i] = null;
            }
        }
    }

    private Next report(String location, RecordSink sink) {
        readPendingEpcs();
        if (epcErrors > MAX_EPC_ERRORS) {
            errors.add(new FieldError(null, (epcErrors - MAX_EPC_ERRORS) + " more EPC errors in this event are not listed"));
        }
        if (entryErrors > MAX_EPC_ERRORS) {
            errors.add(new FieldError(null, (entryErrors - MAX_EPC_ERRORS) + " more quantity or sensor errors in this event are not listed"));
        }
        if (typeName == null) {
            errors.add(0, new FieldError("type", "the event has no type"));
        } else if (type == null) {
            errors.add(0, new FieldError("type", "'" + typeName + "' is not an EPCIS event type"));
        }
        Instant time = checkTime();
        EpcisAction epcisAction = checkAction();
        checkStructure(epcisAction);
        EpcIdentifier parent = checkParent();
        Gln place = readPoint != null ? converted("readPoint", () -> locations.apply(readPoint)) : null;
        if (place == null && bizLocation != null) {
            place = converted("bizLocation", () -> locations.apply(bizLocation));
        }
        BatchId batch = null;
        Expiry expires = null;
        boolean commissioning = type == EpcisEventType.OBJECT && epcisAction == EpcisAction.ADD || type == EpcisEventType.TRANSFORMATION;
        if (lots.size() > 1) {
            errors.add(new FieldError("ilmd", "a commissioning event names one batch; its ILMD names " + lots.size() + ": " + String.join(", ", lots)));
        } else if (lots.size() == 1) {
            batch = converted("ilmd", () -> BatchId.of(lots.iterator().next()));
        }
        if (expiry != null) {
            expires = converted("ilmd", () -> expiries.apply(expiry));
        }
        EpcList created = type == EpcisEventType.TRANSFORMATION ? EpcList.OUTPUT_EPCS : EpcList.EPC_LIST;
        if (commissioning && otherGtin[created.ordinal()] != null) {
            errors.add(new FieldError(created.field(), "a commissioning event is for one product; it lists GTINs "
                    + listGtin[created.ordinal()] + " and " + otherGtin[created.ordinal()]));
        }
        if (hash.tooManyFields()) {
            errors.add(new FieldError(null, Gs1TooManyFieldsException.message(Gs1EventHash.DEFAULT_FIELD_LIMIT)));
        }
        if (sensorData && settings.sensorData() == EpcisSettings.SensorDataHandling.REJECT) {
            errors.add(new FieldError("sensorElementList", "the event carries sensor data, which the canonical model cannot hold (sensor-data=REJECT)"));
        }
        if (errorDeclaration) {
            if (declarationTime == null) {
                errors.add(new FieldError("errorDeclaration", "an error declaration needs a declarationTime"));
            } else {
                converted("errorDeclaration", () -> EpcisTimestamp.parse("declarationTime", declarationTime));
            }
        }
        boolean mappable = type != null && (!type.hasAction() || epcisAction != null);
        // An error declaration says the event it repeats did not happen as recorded: it retracts, and
        // neither commissions nor needs its EPCs commissioned (the event it retracts already did).
        SerialisationAction mapped = !mappable ? null : errorDeclaration ? SerialisationAction.RETRACT : ActionMapping.of(type, epcisAction, bizStep);
        boolean retractsCommissioning = commissioning && errorDeclaration;
        commissioning &= !errorDeclaration;
        int toCommission = 0;
        if (settings.lifecycleChecks() && mappable && !errorDeclaration) {
            // checked even when the event has other errors, so a CMO sees all of them at once
            toCommission = checkLifecycle(mapped, commissioning ? created : null, parent, errors);
        }
        if (!errors.isEmpty()) {
            sink.rejected(location, List.copyOf(errors));
            return Next.CONTINUE;
        }
        if (settings.lifecycleChecks()) {
            if (!ledger.hasRoomFor(toCommission)) {
                sink.failed(location, new FieldError(null, "the document commissions more than " + ledger.maxEpcs()
                        + " EPCs, the most the lifecycle checks track (lifecycle-max-epcs); raise it or turn lifecycle-checks off"));
                return Next.STOP;
            }
        }
        if (settings.lifecycleChecks() && commissioning && spools[created.ordinal()] != null) {
            // right after the checks, while their table slots are still in the cache; should the sink
            // fail below, the document fails as a whole, so committing first changes nothing
            EpcSpool spool = spools[created.ordinal()];
            for (int i = 0; i < spool.size(); i++) {
                ledger.commission(spool.fingerprint(i));
            }
            ledger.commissionedBy(eventId());
        }
        if (settings.lifecycleChecks() && retractsCommissioning && spools[created.ordinal()] != null && ledger.retract(eventId())) {
            // the declaration repeats the event it retracts, so its list is what that event commissioned
            EpcSpool spool = spools[created.ordinal()];
            for (int i = 0; i < spool.size(); i++) {
                ledger.decommission(spool.fingerprint(i));
            }
        }
        List<CanonicalRecord> records = records(time, mapped, place, parent, batch, expires, created, commissioning);
        sink.accepted(location, records);
        return Next.CONTINUE;
    }

    private Instant checkTime() {
        if (eventTime == null) {
            errors.add(new FieldError("eventTime", "eventTime is required"));
        } else if (eventTimes > 1) {
            errors.add(new FieldError("eventTime", "eventTime is given " + eventTimes + " times"));
        }
        Instant time = eventTime == null ? null : converted("eventTime", () -> EpcisTimestamp.parse("eventTime", eventTime));
        if (timeZoneOffset == null) {
            errors.add(new FieldError("eventTimeZoneOffset", "eventTimeZoneOffset is required"));
        } else {
            converted("eventTimeZoneOffset", () -> {
                EpcisTimestamp.requireOffset(timeZoneOffset);
                return null;
            });
        }
        return time;
    }

    private EpcisAction checkAction() {
        if (type == null || !type.hasAction()) {
            return null;
        }
        if (action == null) {
            errors.add(new FieldError("action", "action is required for " + article(typeName)));
            return null;
        }
        if (actions > 1) {
            errors.add(new FieldError("action", "action is given " + actions + " times"));
        }
        EpcisAction parsed = EpcisAction.of(action);
        if (parsed == null) {
            errors.add(new FieldError("action", "action '" + action + "' is not one of ADD, OBSERVE, DELETE"));
        }
        return parsed;
    }

    private void checkStructure(EpcisAction epcisAction) {
        if (type == null) {
            return;
        }
        switch (type) {
            case AGGREGATION, ASSOCIATION -> {
                if (parentId == null && (type == EpcisEventType.ASSOCIATION || epcisAction == EpcisAction.ADD || epcisAction == EpcisAction.DELETE)) {
                    errors.add(new FieldError("parentID", "parentID is required for " + article(typeName) + (epcisAction == null ? "" : " with action " + epcisAction)));
                }
            }
            case TRANSACTION -> {
                if (!bizTransactions) {
                    errors.add(new FieldError("bizTransactionList", "a TransactionEvent needs a bizTransactionList"));
                }
            }
            case QUANTITY -> {
                if (quantityEventClass == null) {
                    errors.add(new FieldError("epcClass", "epcClass is required for a QuantityEvent"));
                } else {
                    epcClass("epcClass", quantityEventClass);
                }
                if (quantityEventQuantity == null) {
                    errors.add(new FieldError("quantity", "quantity is required for a QuantityEvent"));
                } else if (!quantityEventQuantity.matches("\\d{1,18}")) {
                    errors.add(new FieldError("quantity", "quantity '" + quantityEventQuantity + "' is not a whole number"));
                }
            }
            default -> {
                // ObjectEvent and TransformationEvent may list EPCs, quantities or both
            }
        }
    }

    /**
     * Reads the EPCs kept as written, before anything looks at the event's errors. Their errors are
     * put where their list stood among the event's fields, as a CMO reading the report expects.
     */
    private void readPendingEpcs() {
        boolean pending = false;
        for (EpcSpool spool : spools) {
            pending |= spool != null && spool.hasPending();
        }
        if (!pending) {
            return;
        }
        EpcList[] lists = EpcList.values();
        Integer[] byPosition = new Integer[lists.length];
        for (int i = 0; i < lists.length; i++) {
            byPosition[i] = i;
        }
        Arrays.sort(byPosition, Comparator.<Integer>comparingInt(i -> epcErrorsAt[i]).thenComparingInt(i -> listsOpened[i]));
        int inserted = 0;
        for (int i : byPosition) {
            if (spools[i] == null) {
                continue;
            }
            int before = errors.size();
            spools[i].readPending();
            int at = epcErrorsAt[i] + inserted;
            if (errors.size() > before && at < before) {
                List<FieldError> listErrors = errors.subList(before, errors.size());
                List<FieldError> moved = new ArrayList<>(listErrors);
                listErrors.clear();
                errors.addAll(at, moved);
            }
            inserted += errors.size() - before;
        }
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private EpcIdentifier checkParent() {
        if (parentId == null) {
            return null;
        }
        if (parentId.length() > MAX_EPC_LENGTH) {
            errors.add(new FieldError("parentID", "parentID is " + parentId.length() + " characters long; at most " + MAX_EPC_LENGTH + " are allowed"));
            return null;
        }
        return converted("parentID", () -> EpcIdentifier.parse(parentId));
    }

    /**
     * The lifecycle rules; returns how many EPCs the event would commission. Duplicates inside the
     * event are found with a set of the event's own fingerprints.
     */
    private int checkLifecycle(SerialisationAction mapped, EpcList commissioned, EpcIdentifier parent, List<FieldError> broken) {
        int[] reported = {0};
        int total = 0;
        EpcSpool only = null;
        int lists = 0;
        for (EpcSpool spool : spools) {
            if (spool != null && spool.size() > 0) {
                total += spool.size();
                lists++;
                only = spool;
            }
        }
        // the event's one list, in order (the usual case): its duplicates are neighbours, no set needed
        boolean neighbours = lists == 1 && only.inOrder();
        if (neighbours) {
            // nothing to set up
        } else if (inEvent == null || inEvent.capacity() > 4 * 1024 && total < inEvent.capacity() / 8) {
            // one set for the document's events, emptied per event; a fresh one only after a large event
            inEvent = new FingerprintSet(total);
        } else {
            inEvent.clear();
        }
        boolean mustBeCommissioned = mapped == SerialisationAction.AGGREGATE && type == EpcisEventType.AGGREGATION || mapped == SerialisationAction.SHIP;
        for (EpcList list : EpcList.values()) {
            EpcSpool spool = spools[list.ordinal()];
            if (spool == null) {
                continue;
            }
            boolean lookUp = list == commissioned || mustBeCommissioned;
            for (int i = 0; i < spool.size(); i++) {
                if (lookUp && i % LOOKAHEAD == 0) {
                    ledger.prefetch(spool, i, Math.min(spool.size(), i + LOOKAHEAD));
                }
                long fingerprint = spool.fingerprint(i);
                boolean duplicate = neighbours ? i > 0 && spool.sameAsPrevious(i) : !inEvent.add(fingerprint);
                // messages are made only for the errors listed: naming a spooled EPC reads a chunk back from disk
                if (duplicate) {
                    if (listed(reported)) {
                        broken.add(new FieldError(list.field(), "EPC " + spool.epc(i) + " is listed twice in this event"));
                    }
                } else if (list == commissioned && ledger.isCommissioned(fingerprint)) {
                    if (listed(reported)) {
                        broken.add(new FieldError(list.field(), "EPC " + spool.epc(i) + " is commissioned twice in this document"));
                    }
                } else if (mustBeCommissioned && !ledger.isCommissioned(fingerprint) && listed(reported)) {
                    broken.add(new FieldError(list.field(), "EPC " + spool.epc(i) + " is " + (mapped == SerialisationAction.SHIP ? "shipped" : "aggregated")
                            + " but not commissioned earlier in this document (commission before aggregate or ship)"));
                }
            }
        }
        if (parent != null && mustBeCommissioned && !ledger.isCommissioned(Fingerprint.of(EpcReading.canonicalForm(parent, parentId)))
                && listed(reported)) {
            broken.add(new FieldError("parentID", "parent " + parentId + " is not commissioned earlier in this document (commission before aggregate or ship)"));
        }
        if (reported[0] > MAX_EPC_ERRORS) {
            broken.add(new FieldError(null, (reported[0] - MAX_EPC_ERRORS) + " more lifecycle errors in this event are not listed"));
        }
        EpcSpool created = commissioned == null ? null : spools[commissioned.ordinal()];
        return created == null ? 0 : created.size();
    }

    /** Counts a lifecycle error; true while it is among the first listed. */
    private static boolean listed(int[] reported) {
        return ++reported[0] <= MAX_EPC_ERRORS;
    }

    private List<CanonicalRecord> records(Instant time, SerialisationAction mapped, Gln location, EpcIdentifier parent, BatchId batch, Expiry expires,
                                          EpcList created, boolean commissioning) {
        String sourceEventId = eventId();
        ProductCode classProduct = classGtin == null || classesMixed ? null : ProductCode.of(classGtin);
        BatchId classBatch = classLot == null || classesMixed ? null : BatchId.of(classLot);
        List<ChunkedRecords.Part> parts = new ArrayList<>();
        for (EpcList list : EpcList.values()) {
            EpcSpool spool = spools[list.ordinal()];
            if (spool == null || spool.size() == 0) {
                continue;
            }
            boolean creates = commissioning && list == created;
            SerialisationAction partAction = type == EpcisEventType.TRANSFORMATION && mapped != SerialisationAction.RETRACT
                    ? (list == EpcList.INPUT_EPCS ? SerialisationAction.DECOMMISSION : SerialisationAction.COMMISSION) : mapped;
            String gtin = otherGtin[list.ordinal()] == null ? listGtin[list.ordinal()] : null;
            ProductCode product = gtin != null ? ProductCode.of(gtin) : classProduct;
            parts.add(new ChunkedRecords.Part(spool, partAction, product, creates ? batch : classBatch, creates ? expires : null));
        }
        if (parts.isEmpty()) {
            // quantities only, or an aggregation observed by its parent: one record without EPCs
            parts.add(new ChunkedRecords.Part(null, mapped == null ? SerialisationAction.OBSERVE : mapped, classProduct,
                    commissioning && batch != null ? batch : classBatch, commissioning ? expires : null));
        }
        return new ChunkedRecords(new ChunkedRecords.Header(sourceEventId, time, partner, location, parent == null ? null : parentId), parts);
    }

    /** The event's EPC lists for the event hash: canonical forms in ascending byte order. */
    private void sortedEpcs(EpcList list, SortedEpcs.EpcBytes consumer) {
        EpcSpool spool = spools[list.ordinal()];
        if (spool != null) {
            spool.forEachSorted(consumer);
        }
    }

    private static Expiry expiry(String itemExpirationDate) {
        try {
            return Expiry.of(LocalDate.parse(itemExpirationDate));
        } catch (DateTimeException e) {
            throw new InvalidValueException("itemExpirationDate '" + itemExpirationDate + "' is not a date YYYY-MM-DD");
        }
    }

    /** The GLN of a GS1 location; null for a location of another scheme (kept in the event hash only). */
    private static Gln gln(String id) {
        EpcIdentifier location = EpcIdentifier.parse(id);
        return location.gln() == null ? null : Gln.of(location.gln());
    }

    private <T> T converted(String field, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
