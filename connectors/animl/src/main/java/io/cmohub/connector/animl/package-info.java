/**
 * AnIML connector. The JAXB classes here bind the subset of the AnIML core schema (draft 0.90,
 * namespace urn:org:astm:animl:schema:core:draft:0.90) that the mapping reads.
 */
@XmlSchema(namespace = AnimlModel.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.cmohub.connector.animl;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
