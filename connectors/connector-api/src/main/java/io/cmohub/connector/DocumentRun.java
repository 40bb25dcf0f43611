package io.cmohub.connector;

import io.cmohub.model.CanonicalRecord;
import io.cmohub.connector.limits.RecordLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a connector's parser over a document and applies the error policy: counts source records,
 * collects located errors, delivers canonical records to {@code delivery} and decides the status.
 *
 * <p>With {@link ErrorPolicy#REJECT_DOCUMENT} nothing may be delivered before the whole document is
 * known to be valid, so the document is read twice (validate, then deliver) rather than buffered;
 * with {@link ErrorPolicy#ACCEPT_VALID} one pass delivers valid records as they are read.
 */
public final class DocumentRun {
    /** Errors listed in a report; more are counted in {@link DocumentReport#errorsOmitted()}. */
    public static final int MAX_REPORTED_ERRORS = 1000;
    /** The most distinct notices one document reports. */
    public static final int MAX_NOTICES = 50;

    private final String format;
    private final DocumentParser parser;
    private final ErrorPolicy policy;
    private final RecordCheck check;

    public DocumentRun(String format, DocumentParser parser, ErrorPolicy policy) {
        this(format, parser, policy, RecordCheck.NONE);
    }

    /** A run that also applies {@code check} to every mapped record (e.g. the partner's authorisation). */
    public DocumentRun(String format, DocumentParser parser, ErrorPolicy policy, RecordCheck check) {
        this.format = format;
        this.parser = parser;
        this.policy = policy;
        this.check = check;
    }

    /** Reads the document and reports, delivering nothing. */
    public DocumentReport validate(DocumentSource source, DocumentContext context) throws IOException {
        return finish(pass(source, context, null));
    }

    /** Reads the document, delivers the canonical records the policy lets through, and reports. */
    public DocumentReport deliver(DocumentSource source, DocumentContext context, Consumer<CanonicalRecord> delivery) throws IOException {
        if (policy == ErrorPolicy.ACCEPT_VALID) {
            return finish(pass(source, context, delivery));
        }
        Tally firstPass = pass(source, context, null);
        if (firstPass.failed || firstPass.rejectedRecords > 0) {
            return finish(firstPass);
        }
        Tally secondPass = pass(source, context, delivery);
        // The same bytes parse the same way, so the second pass finds no error; if the source changed
        // underneath anyway, report what was really delivered rather than claim nothing was.
        return secondPass.failed || secondPass.rejectedRecords > 0 ? finish(secondPass, ErrorPolicy.ACCEPT_VALID) : finish(secondPass);
    }

    private Tally pass(DocumentSource source, DocumentContext context, Consumer<CanonicalRecord> delivery) throws IOException {
        Tally tally = new Tally(delivery, check, context);
        try (InputStream in = source.open()) {
            parser.parse(in, context, tally);
        } catch (DeliveryFailed e) {
            // Not the document's fault (a broker or database is down): the caller must retry, not reject.
            throw e.getCause();
        } catch (RecordLimitExceededException e) {
            tally.failed(e.location(), new FieldError(null, e.getMessage()));
        } catch (RuntimeException e) {
            // A parser must report bad input, not throw; if one still does (a library's unchecked
            // exception on hostile bytes), the document is rejected with that reason, not lost.
            tally.failed("document", new FieldError(null, "the " + format + " connector could not read the document: " + e));
        }
        return tally;
    }

    private DocumentReport finish(Tally tally) {
        return finish(tally, policy);
    }

    private DocumentReport finish(Tally tally, ErrorPolicy policy) {
        DocumentStatus status;
        if (tally.sourceEvents == 0 && !tally.failed) {
            tally.add(new RecordError("document", null, "the document holds no records"));
            status = DocumentStatus.REJECTED;
        } else if (!tally.failed && tally.rejectedRecords == 0) {
            status = DocumentStatus.ACCEPTED;
        } else if (policy == ErrorPolicy.ACCEPT_VALID && tally.acceptedRecords > 0) {
            // Under ACCEPT_VALID the records before a document-level failure were valid and are delivered.
            status = DocumentStatus.PARTIALLY_ACCEPTED;
        } else {
            status = DocumentStatus.REJECTED;
        }
        long delivered = status == DocumentStatus.REJECTED ? 0 : tally.canonicalRecords;
        return new DocumentReport(format, status, tally.sourceEvents, delivered, tally.errors, tally.errorsOmitted, tally.rejectedRecords,
                List.copyOf(tally.notices.values()));
    }

    /** Carries a delivery failure through the parser, which must not mistake it for bad input. */
    private static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static final class Tally implements RecordSink {
        private final Consumer<CanonicalRecord> delivery;
        private final RecordCheck check;
        private final DocumentContext context;
        private final List<RecordError> errors = new ArrayList<>();
        private final java.util.Map<String, DocumentNotice> notices = new java.util.LinkedHashMap<>();
        private long sourceEvents;
        private long acceptedRecords;
        private long rejectedRecords;
        private long canonicalRecords;
        private long errorsOmitted;
        private boolean failed;

        Tally(Consumer<CanonicalRecord> delivery, RecordCheck check, DocumentContext context) {
            this.delivery = delivery;
            this.check = check;
            this.context = context;
        }

        @Override
        public void accepted(String location, List<CanonicalRecord> records) {
            List<FieldError> broken = new ArrayList<>();
            for (CanonicalRecord record : records) {
                broken.addAll(check.check(record, context));
            }
            if (!broken.isEmpty()) {
                rejected(location, broken);
                return;
            }
            sourceEvents++;
            acceptedRecords++;
            canonicalRecords += records.size();
            if (delivery != null) {
                try {
                    records.forEach(delivery);
                } catch (RuntimeException e) {
                    throw new DeliveryFailed(e);
                }
            }
        }

        @Override
        public void rejected(String location, List<FieldError> fieldErrors) {
            sourceEvents++;
            rejectedRecords++;
            int kept = context.limits().maxErrorsPerRecord();
            fieldErrors.stream().limit(kept).forEach(e -> add(new RecordError(location, e.field(), e.reason())));
            if (fieldErrors.size() > kept) {
                add(new RecordError(location, null, "further broken rules of this record are not listed (limit "
                        + "cmohub.limits.max-errors-per-record=" + kept + ")"));
            }
        }

        @Override
        public void failed(String location, FieldError error) {
            failed = true;
            add(new RecordError(location, error.field(), error.reason()));
        }

        @Override
        public void notice(String location, String message) {
            if (notices.size() < MAX_NOTICES && message != null) {
                notices.putIfAbsent(message, new DocumentNotice(location == null ? "document" : location, message));
            }
        }

        private void add(RecordError error) {
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(error);
            } else {
                errorsOmitted++;
            }
        }
    }
}
