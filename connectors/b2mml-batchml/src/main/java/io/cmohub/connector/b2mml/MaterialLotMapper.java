package io.cmohub.connector.b2mml;

import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.codes.ProductCodes;

import static io.cmohub.connector.b2mml.V0700Values.text;

import io.cmohub.connector.MappedFields;
import io.cmohub.connector.b2mml.v0700.MaterialLotPropertyType;
import io.cmohub.connector.b2mml.v0700.MaterialLotType;
import io.cmohub.connector.b2mml.v0700.QuantityValueType;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Maps one B2MML MaterialLot (in MaterialInformation) to a {@link Batch} carrying the lot's status:
 * MaterialDefinitionID → product, ID → batch, Status → status through the configured code list,
 * the MaterialLotProperty named by the configuration → expiry, the first Quantity → actual
 * quantity, the message's CreationDateTime → updatedAt. Sub-lots are not batches and are not read.
 */
final class MaterialLotMapper {
    private final ProductCodes products;
    private final CodeList<BatchStatus> lotStatuses;
    private final String expiryProperty;

    MaterialLotMapper(ProductCodes products, CodeList<BatchStatus> lotStatuses, String expiryProperty) {
        this.products = products;
        this.lotStatuses = lotStatuses;
        this.expiryProperty = expiryProperty;
    }

    Batch map(MaterialLotType lot, PartnerId partner, Instant messageCreated, MappedFields fields) {
        ProductCode product = fields.required("MaterialDefinitionID", text(lot.getMaterialDefinitionID()), products::resolve);
        BatchId batchId = fields.required("ID", text(lot.getID()), BatchId::of);
        BatchStatus status = fields.required("Status", text(lot.getStatus()), s -> lotStatuses.require("Status", s));
        Expiry expiry = null;
        for (MaterialLotPropertyType property : lot.getMaterialLotProperty()) {
            if (expiryProperty.equalsIgnoreCase(String.valueOf(text(property.getID())))) {
                String field = "MaterialLotProperty[" + expiryProperty + "]";
                if (property.getValue().size() != 1) {
                    fields.error(field, "the expiry property must have exactly one Value, found " + property.getValue().size());
                } else {
                    expiry = fields.required(field, text(property.getValue().get(0).getValueString()), MaterialLotMapper::expiry);
                }
            }
        }
        Quantity quantity = null;
        if (!lot.getQuantity().isEmpty()) {
            quantity = fields.optional("Quantity", text(lot.getQuantity().get(0).getQuantityString()), raw -> quantity(raw, lot.getQuantity().get(0)));
        }
        Expiry expiryDate = expiry;
        Quantity actual = quantity;
        return fields.build(() -> new Batch(product, batchId, status, partner, null, expiryDate, null, null, null, actual, List.of(), messageCreated));
    }

    private static Quantity quantity(String raw, QuantityValueType value) {
        String unit = text(value.getUnitOfMeasure());
        if (unit == null) {
            throw new InvalidValueException("quantity " + raw + " has no UnitOfMeasure");
        }
        return new Quantity(SampleTestResultMapper.decimal(raw), unit);
    }

    /** An xsd:date or the date part of an xsd:dateTime, as written. */
    private static Expiry expiry(String raw) {
        String date = raw.length() > 10 && raw.charAt(10) == 'T' ? raw.substring(0, 10) : raw;
        try {
            return Expiry.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("expiry '" + raw + "' is not a date (YYYY-MM-DD) or date-time");
        }
    }

}
